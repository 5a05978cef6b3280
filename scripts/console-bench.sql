-- Synthetic verdicts for scripts/console-bench.sh (psql -v n=<count>): the shapes the pipeline stores.
-- 35% RECTIFY (deadlines -60..+60 days), 10% WARN-only ACCEPT, 3% GATE-INCOMPLETE, 1% overridden, rest clean.
\set rectify '[{"ruleId":"SDK-04-DEVICE-IDS","outcome":"RECTIFY","severity":"high","rectifyDays":15,"title":{"zh":"SDK在同意前读取设备标识","en":"SDK reads device identifiers before consent"},"basis":[{"instrument":"工信部信管函〔2019〕337号","clause":"problem 1"},{"instrument":"App违法违规收集使用个人信息行为认定方法（191号）","clause":"3.1"}],"message":{"zh":"以下SDK在用户同意前读取设备标识","en":"These SDKs read device identifiers before consent"},"evidence":["Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String; ← Lcom/umeng/commonsdk/UMConfigure;->init(Landroid/content/Context;)V"],"fix":{"zh":"在用户同意隐私政策后再初始化SDK","en":"Initialise SDKs only after consent"}},{"ruleId":"BG-01-SELF-START","outcome":"WARN","severity":"medium","title":{"zh":"自启动","en":"Self-start"},"basis":[],"message":{"zh":"应用可在开机时自启动","en":"The app can start itself on boot"},"evidence":["uses-permission android.permission.RECEIVE_BOOT_COMPLETED"],"fix":{"zh":"删除非必要的自启动","en":"Remove unnecessary self-start"}}]'
\set warn '[{"ruleId":"BG-01-SELF-START","outcome":"WARN","severity":"medium","title":{"zh":"自启动","en":"Self-start"},"basis":[],"message":{"zh":"应用可在开机时自启动","en":"The app can start itself on boot"},"evidence":["uses-permission android.permission.RECEIVE_BOOT_COMPLETED"],"fix":{"zh":"删除非必要的自启动","en":"Remove unnecessary self-start"}}]'
\set incomplete '[{"ruleId":"GATE-INCOMPLETE","outcome":"REJECT","severity":"critical","title":{"zh":"无法完成审核","en":"Review could not be completed"},"basis":[],"message":{"zh":"分析不完整","en":"Could not fully analyse: dex"},"evidence":["incomplete dex: limit"],"fix":{"zh":"重试","en":"Retry"}}]'
\set reject '[{"ruleId":"META-02-NO-FILING","outcome":"REJECT","severity":"high","title":{"zh":"未备案","en":"Not filed"},"basis":[{"instrument":"工业和信息化部关于开展移动互联网应用程序备案工作的通知","clause":"1"}],"message":{"zh":"应用未备案","en":"App is not filed"},"evidence":["missing filing.number"],"fix":{"zh":"完成备案","en":"File the app"}}]'
insert into facts (sha256, analyzer_version, document) values (repeat('b', 64), 'apk-bench', jsonb_build_object(
  'schemaVersion', 1, 'analyzerVersion', 'apk-bench',
  'manifest', jsonb_build_object('package', 'com.bench', 'versionName', '1.0', 'application', jsonb_build_object('label', 'Bench'),
    'permissions', (select jsonb_agg(jsonb_build_object('name', 'android.permission.P' || i)) from generate_series(1, 40) i)),
  'sdks', (select jsonb_agg(jsonb_build_object('id', 'sdk' || i, 'present', true)) from generate_series(1, 30) i),
  'piAccess', (select jsonb_agg(jsonb_build_object('piType', 'T' || i, 'attributedTo', 'sdk' || i, 'via', 'api')) from generate_series(1, 30) i),
  'signing', jsonb_build_object('signers', jsonb_build_array(jsonb_build_object('certSha256', repeat('c', 64), 'subject', 'CN=Bench')))));
insert into verdict (upload_id, package_name, version_code, sha256, developer_id, app_type, minors_targeted, decision,
                     rectify_by, reason, rule_pack_version, analyzer_version, signer_sha256, findings, submission,
                     decided_at, revision, overridden_by)
select 'bench-' || g, 'com.bench.app' || (g % 20000), 1 + g / 20000, repeat('b', 64), 'dev-' || (g % 3000),
       (array['实用工具类', '游戏类', '教育类', '网络社区类'])[1 + g % 4], g % 10 = 0,
       case when g % 100 < 35 then 'RECTIFY' when g % 100 < 45 then 'ACCEPT' when g % 100 < 70 then 'REJECT' else 'ACCEPT' end,
       case when g % 100 < 35 then current_date + (g % 121 - 60) end,
       'UPLOAD', 'cn-app-pi@1.0.0', 'apk-bench', repeat('c', 64),
       (case when g % 100 < 35 then :'rectify' when g % 100 < 45 then :'warn' when g % 100 < 48 then :'incomplete'
             when g % 100 < 70 then :'reject' else '[]' end)::jsonb,
       jsonb_build_object('appName', 'Bench app ' || g, 'developer', jsonb_build_object('id', 'dev-' || (g % 3000), 'name', 'Dev'),
                          'filing', jsonb_build_object('number', '京ICP备2024' || g || '号')),
       now() - make_interval(secs => g), 1, case when g % 100 = 99 then 'bench-reviewer' end
from generate_series(1, :n) g;
insert into verdict_revision (upload_id, revision, decision, rectify_by, reason, rule_pack_version, findings, decided_at)
select upload_id, 1, decision, rectify_by, reason, rule_pack_version, findings, decided_at from verdict;
insert into audit_log (at, actor, action, target, reason, after)
select now(), 'bench-reviewer', 'OVERRIDE_DECISION', 'upload:' || upload_id, 'bench override', '{"decision":"ACCEPT"}'
from verdict where overridden_by is not null;

-- the store lists every package's latest version: the minors' page starts from the listing
insert into listing (package_name, version_code, sha256, state, at, event_id, updated_at)
select distinct on (package_name) package_name, version_code, sha256, 'LISTED', now(), 'bench-' || id, now()
from verdict order by package_name, id desc;
