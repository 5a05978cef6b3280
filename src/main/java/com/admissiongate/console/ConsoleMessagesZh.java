package com.admissiongate.console;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

/** Chinese console texts: the reviewers' working language. */
@Localized("zh")
public interface ConsoleMessagesZh extends ConsoleMessages {

    @Override
    @Message("上架审核 · 审核控制台")
    String brand();

    @Override
    @Message("待办队列")
    String nav_queue();

    @Override
    @Message("未成年人应用")
    String nav_minors();

    @Override
    @Message("规则包")
    String nav_packs();

    @Override
    @Message("退出")
    String logout();

    @Override
    @Message("当前用户")
    String signed_in_as();

    @Override
    @Message("English")
    String lang_switch();

    @Override
    @Message("审核队列")
    String queue_title();

    @Override
    @Message("条待处理")
    String queue_live();

    @Override
    @Message("当前筛选条件下没有待处理的结论。")
    String queue_empty();

    @Override
    @Message("类别")
    String filter_category();

    @Override
    @Message("结论")
    String filter_decision();

    @Override
    @Message("规则")
    String filter_rule();

    @Override
    @Message("应用类别")
    String filter_app_type();

    @Override
    @Message("面向未成年人")
    String filter_minors();

    @Override
    @Message("开发者")
    String filter_developer();

    @Override
    @Message("结论日期起")
    String filter_from();

    @Override
    @Message("至")
    String filter_to();

    @Override
    @Message("筛选")
    String filter_apply();

    @Override
    @Message("重置")
    String filter_reset();

    @Override
    @Message("全部")
    String any();

    @Override
    @Message("是")
    String yes();

    @Override
    @Message("否")
    String no();

    @Override
    @Message("整改")
    String cat_rectify();

    @Override
    @Message("仅警告")
    String cat_warn();

    @Override
    @Message("分析不完整")
    String cat_incomplete();

    @Override
    @Message("已人工改判")
    String cat_overridden();

    @Override
    @Message("应用")
    String col_app();

    @Override
    @Message("开发者")
    String col_developer();

    @Override
    @Message("结论")
    String col_decision();

    @Override
    @Message("整改期限")
    String col_deadline();

    @Override
    @Message("结论时间")
    String col_decided();

    @Override
    @Message("原因")
    String col_why();

    @Override
    @Message("下一页")
    String next_page();

    @Override
    @Message("第一页")
    String first_page();

    @Override
    @Message("天后到期")
    String days_left();

    @Override
    @Message("天已逾期")
    String days_overdue();

    @Override
    @Message("审核结论")
    String verdict_title();

    @Override
    @Message("应用信息")
    String identity();

    @Override
    @Message("包名")
    String package_name();

    @Override
    @Message("版本")
    String version();

    @Override
    @Message("应用名称（安装包）")
    String label();

    @Override
    @Message("提交的应用名称")
    String app_name();

    @Override
    @Message("签名证书")
    String signer();

    @Override
    @Message("备案号")
    String filing();

    @Override
    @Message("未备案")
    String not_filed();

    @Override
    @Message("上传编号")
    String upload();

    @Override
    @Message("规则包")
    String rule_pack();

    @Override
    @Message("结论")
    String decision();

    @Override
    @Message("整改期限")
    String deadline();

    @Override
    @Message("版本号")
    String revision();

    @Override
    @Message("改判人")
    String overridden_by();

    @Override
    @Message("问题")
    String findings();

    @Override
    @Message("没有问题。")
    String no_findings();

    @Override
    @Message("依据")
    String clause();

    @Override
    @Message("证据")
    String evidence();

    @Override
    @Message("整改建议")
    String fix();

    @Override
    @Message("已豁免，操作人")
    String waived();

    @Override
    @Message("缺少")
    String missing();

    @Override
    @Message("报告下载")
    String downloads();

    @Override
    @Message("结论历史")
    String history();

    @Override
    @Message("审计日志")
    String audit();

    @Override
    @Message("尚无人工操作。")
    String no_audit();

    @Override
    @Message("#")
    String col_revision();

    @Override
    @Message("原因")
    String col_reason();

    @Override
    @Message("操作人")
    String col_actor();

    @Override
    @Message("操作")
    String col_action();

    @Override
    @Message("时间")
    String col_at();

    @Override
    @Message("变化")
    String col_changes();

    @Override
    @Message("与上一个已通过版本对比")
    String diff_link();

    @Override
    @Message("版本对比")
    String diff_title();

    @Override
    @Message("对比上一个已通过版本")
    String diff_against();

    @Override
    @Message("该应用没有更早的已通过版本。")
    String diff_none();

    @Override
    @Message("其中一个版本的分析结果缺失。")
    String diff_facts_missing();

    @Override
    @Message("对比项")
    String diff_aspect();

    @Override
    @Message("新增")
    String diff_added();

    @Override
    @Message("移除")
    String diff_removed();

    @Override
    @Message("未变")
    String diff_unchanged();

    @Override
    @Message("权限")
    String aspect_permissions();

    @Override
    @Message("第三方SDK")
    String aspect_sdks();

    @Override
    @Message("个人信息访问")
    String aspect_pi();

    @Override
    @Message("签名证书")
    String aspect_signer();

    @Override
    @Message("隐私政策")
    String aspect_policy();

    @Override
    @Message("人工改判")
    String override_title();

    @Override
    @Message("改判对象")
    String override_kind();

    @Override
    @Message("整体结论")
    String override_kind_decision();

    @Override
    @Message("单个问题（豁免）")
    String override_kind_finding();

    @Override
    @Message("整改期限")
    String override_kind_deadline();

    @Override
    @Message("新结论")
    String override_new_decision();

    @Override
    @Message("问题")
    String override_rule();

    @Override
    @Message("整改期限（仅整改）")
    String override_rectify_by();

    @Override
    @Message("原因（必填，记入审计日志）")
    String override_reason();

    @Override
    @Message("核对改判")
    String override_review();

    @Override
    @Message("确认改判")
    String override_confirm_title();

    @Override
    @Message("此操作将向商店发布新的结论，并记入审计日志。")
    String override_confirm_text();

    @Override
    @Message("确认并发布")
    String override_confirm();

    @Override
    @Message("取消")
    String override_cancel();

    @Override
    @Message("改判已发布，版本号")
    String override_done();

    @Override
    @Message("改判被拒绝")
    String override_refused();

    @Override
    @Message("只有审核员可以改判。")
    String reviewer_only();

    @Override
    @Message("面向未成年人的应用")
    String minors_title();

    @Override
    @Message("进行中的整改")
    String minors_open();

    @Override
    @Message("已逾期的整改")
    String minors_expired();

    @Override
    @Message("无。")
    String minors_none();



    @Override
    @Message("规则包")
    String packs_title();

    @Override
    @Message("当前规则包")
    String packs_active();

    @Override
    @Message("规则")
    String packs_rules();

    @Override
    @Message("内容哈希")
    String packs_hash();

    @Override
    @Message("规则")
    String col_rule();

    @Override
    @Message("严重程度")
    String col_severity();

    @Override
    @Message("处理")
    String col_outcome();

    @Override
    @Message("依赖")
    String col_needs();

    @Override
    @Message("候选规则包试运行")
    String packs_dry_run();


    @Override
    @Message("登录")
    String login_title();

    @Override
    @Message("粘贴访问令牌（./gate up 会为每个角色打印一个）。")
    String login_help();

    @Override
    @Message("令牌")
    String login_token();

    @Override
    @Message("登录")
    String login_submit();

    @Override
    @Message("令牌无效。")
    String login_failed();

    @Override
    @Message("无权限")
    String forbidden_title();

    @Override
    @Message("您的角色不允许此操作。")
    String forbidden_text();

    @Override
    @Message("表单已失效")
    String csrf_title();

    @Override
    @Message("无法验证表单，请刷新页面后重试。")
    String csrf_text();

    @Override
    @Message("没有该上传的审核结论。")
    String not_found();

    @Override
    @Message("返回")
    String back();

    @Override
    @Message("下次定时复审")
    String minors_next_run();

    @Override
    @Message("最近一次复审")
    String minors_last_run();

    @Override
    @Message("本实例未启用定时复审（gate.rereview.cron=off）")
    String minors_schedule_off();

    @Override
    @Message("从未")
    String minors_never();

    @Override
    @Message("立即复审全部上架的未成年人应用")
    String minors_rereview_all();

    @Override
    @Message("立即复审")
    String minors_rereview_now();

    @Override
    @Message("已上架的面向未成年人应用")
    String minors_listed();

    @Override
    @Message("最近复审")
    String minors_last_review();

    @Override
    @Message("复审记录")
    String minors_runs();

    @Override
    @Message("复审任务")
    String run_title();

    @Override
    @Message("开始")
    String run_started();

    @Override
    @Message("结束")
    String run_finished();

    @Override
    @Message("触发方式")
    String run_trigger();

    @Override
    @Message("范围")
    String run_scope();

    @Override
    @Message("状态")
    String run_state();

    @Override
    @Message("进度")
    String run_progress();

    @Override
    @Message("结论变化")
    String run_changed();

    @Override
    @Message("未变化")
    String run_unchanged();

    @Override
    @Message("其他")
    String run_other();

    @Override
    @Message("需重新分析")
    String run_reanalysis();

    @Override
    @Message("失败")
    String run_failed();

    @Override
    @Message("跳过")
    String run_skipped();

    @Override
    @Message("错误")
    String run_error();

    @Override
    @Message("样例")
    String packs_samples();

    @Override
    @Message("已保存的候选规则包")
    String packs_candidate();

    @Override
    @Message("最近结论数")
    String packs_last();

    @Override
    @Message("试运行")
    String packs_dry_run_go();

    @Override
    @Message("除当前规则包外没有已保存的规则包；可上传 zip 试运行。")
    String packs_no_candidates();

    @Override
    @Message("或上传规则包 zip（不保存）")
    String packs_upload();

    @Override
    @Message("试运行")
    String packs_dry_run_of();

    @Override
    @Message("个审核结论将改变（结论或问题项）")
    String packs_would_change();

    @Override
    @Message("已评估")
    String packs_evaluated();

    @Override
    @Message("新增规则")
    String packs_rules_added();

    @Override
    @Message("已解决规则")
    String packs_rules_resolved();
}
