#!/usr/bin/env python3
"""Assembles the privacy-policy test set from the hand-written bases in this file.

Each base is a list of items (element, sections, content). A variant drops exactly one element; its expected file
is derived from the items that remain (a section is expected present iff a remaining item is tagged with it).
Run from this directory: python3 make.py  (writes ../<name>.<ext> and ../<name>.expected.json)
"""
import json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
ALL = ["piPurposes", "permissions", "sdkList", "retention", "storageLocation", "crossBorder", "rightsAccess",
       "rightsCorrect", "rightsDelete", "rightsWithdraw", "rightsCancelAccount", "complaint", "responsePeriod",
       "children", "guardianConsent", "sensitivePi", "separateConsent", "personalisedPush", "policyChanges",
       "contact", "collectedPiList", "sharedPiList", "face", "faceAlternative", "minorMode", "effectiveDate"]


def I(element, sections, content, sdks=None):
    return {"element": element, "sections": sections, "content": content, "sdks": sdks or []}


# ---------------------------------------------------------------- A: zh-Hans, HTML, SDK table
A = dict(name="zh-html-table", fmt="html", lang="zh-Hans", operator="杭州示例网络科技有限公司",
         email="privacy@shiji-example.cn", effective="2025-03-08", responseDays=15, items=[
    I(None, [], "<h1>速记本隐私政策</h1>"),
    I("effectiveDate", ["effectiveDate"], "<p>更新日期：2025年3月1日</p><p>生效日期：2025年3月8日</p>"),
    I(None, [], "<p>速记本（以下简称“本应用”）由杭州示例网络科技有限公司（以下简称“我们”）开发和运营。我们深知个人信息对您的重要性，并会尽全力保护您的个人信息安全。</p>"),
    I("piPurposes", ["piPurposes"], "<h2>一、我们如何收集和使用您的个人信息</h2><p>1. 账号注册与登录：当您注册账号时，我们会收集您的手机号码，用于创建账号和登录验证。</p><p>2. 笔记同步：我们会收集您的设备标识符（OAID）和IP地址，用于在多台设备之间同步您的笔记。</p><p>3. 地点提醒：在您使用地点提醒功能时，我们会收集您的精确位置信息，用于在到达指定地点时提醒您。</p>"),
    I("permissions", ["permissions"], "<h2>二、我们申请的设备权限</h2><ul><li>相机权限：用于扫描纸质文档并生成笔记。</li><li>麦克风权限：用于录制语音笔记。</li><li>存储权限：用于导入和导出笔记附件。</li><li>位置权限：用于地点提醒功能。</li></ul><p>您可以在系统设置中关闭上述权限，关闭后对应功能将无法使用。</p>"),
    I("sensitivePi", ["sensitivePi", "separateConsent"], "<p>其中，精确位置信息属于敏感个人信息，我们会在您首次使用地点提醒前向您说明处理的必要性，并取得您的单独同意。</p>"),
    I("sdkList", ["sdkList"], "<h2>三、第三方SDK清单</h2><p>为实现相关功能，本应用接入了以下第三方SDK：</p><table><tr><th>SDK名称</th><th>第三方主体</th><th>使用目的</th><th>收集个人信息类型</th><th>隐私政策链接</th></tr><tr><td>极光推送SDK</td><td>深圳市和讯华谷信息技术有限公司</td><td>消息推送</td><td>设备标识符（IMEI、OAID）、网络信息</td><td>https://www.jiguang.cn/license/privacy</td></tr><tr><td>友盟统计SDK</td><td>友盟同欣（北京）科技有限公司</td><td>统计分析</td><td>设备信息、IP地址</td><td>https://www.umeng.com/page/policy</td></tr><tr><td>高德定位SDK</td><td>高德软件有限公司</td><td>地点提醒</td><td>位置信息</td><td>https://lbs.amap.com/pages/privacy/</td></tr><tr><td>腾讯Bugly</td><td>深圳市腾讯计算机系统有限公司</td><td>崩溃分析</td><td>设备型号、系统版本</td><td>https://bugly.qq.com/v2/contract</td></tr></table>",
      sdks=["jpush", "umeng-analytics", "amap-location", "bugly"]),
    I("collectedPiList", ["collectedPiList"], "<p>您可以在“我的-设置-隐私”中查看《已收集个人信息清单》。</p>"),
    I("sharedPiList", ["sharedPiList"], "<p>我们与第三方共享个人信息的情况详见《第三方共享清单》。</p>"),
    I("retention", ["retention"], "<h2>四、我们如何存储您的个人信息</h2><p>我们仅在实现本政策所述目的所必需的最短期限内保存您的个人信息，超出保存期限后我们将对其进行匿名化处理。</p>"),
    I("storageLocation", ["storageLocation"], "<p>我们在中华人民共和国境内收集和产生的个人信息，将存储在中华人民共和国境内。</p>"),
    I("crossBorder", ["crossBorder", "separateConsent"], "<p>我们目前不会向境外提供您的个人信息；如确需向境外提供，我们会告知境外接收方的名称和联系方式，并取得您的单独同意。</p>"),
    I(None, [], "<h2>五、您的权利</h2>"),
    I("rightsAccess", ["rightsAccess"], "<p>查阅您的个人信息：您可以在“我的-个人资料”中查阅您的个人信息。</p>"),
    I("rightsCorrect", ["rightsCorrect"], "<p>更正您的个人信息：您发现我们处理的关于您的个人信息有错误时，可以在“个人资料”页面进行更正。</p>"),
    I("rightsDelete", ["rightsDelete"], "<p>删除您的个人信息：您可以在“设置-隐私”中删除笔记及其他个人信息，也可以向我们提出删除个人信息的请求。</p>"),
    I("rightsWithdraw", ["rightsWithdraw"], "<p>撤回同意：您可以通过关闭设备权限或在“设置-隐私-授权管理”中撤回您的同意，撤回同意不影响撤回前基于您的授权所进行的处理。</p>"),
    I("rightsCancelAccount", ["rightsCancelAccount"], "<p>注销账号：您可以在“我的-设置-账号与安全-注销账号”中申请注销账号，注销完成后我们将停止为您提供服务。</p>"),
    I("personalisedPush", ["personalisedPush"], "<p>个性化推荐：我们会根据您的使用习惯向您推荐笔记模板。您可以在“设置-隐私-个性化推荐”中关闭该功能，关闭后您看到的推荐将不再针对您个人。</p>"),
    I("children", ["children", "guardianConsent"], "<h2>六、我们如何处理儿童的个人信息</h2><p>本应用主要面向成年人。若您是不满十四周岁的儿童，请在监护人的陪同下阅读本政策，并在取得监护人同意后使用本应用。</p>"),
    I("policyChanges", ["policyChanges"], "<h2>七、本政策如何更新</h2><p>我们可能会适时修订本政策。政策变更时，我们会通过应用内弹窗或推送通知的方式告知您。</p>"),
    I("contact", ["contact"], "<h2>八、如何联系我们</h2><p>如您对本政策有任何疑问，可以通过以下方式与我们联系：电子邮箱 privacy@shiji-example.cn，电话 0571-88886666，联系地址：浙江省杭州市西湖区文三路100号示例大厦8层。</p>"),
    I("complaint", ["complaint"], "<p>如果您对我们的回复不满意，或认为我们的个人信息处理行为损害了您的合法权益，您可以向网信、电信、公安及市场监管等监管部门进行投诉或举报。</p>"),
    I("responsePeriod", ["responsePeriod"], "<p>我们将在收到您的请求并验证您的身份后15个工作日内予以答复。</p>"),
], drops=["sdkList", "retention", "rightsCancelAccount", "complaint", "responsePeriod", "personalisedPush", "effectiveDate"])

# ---------------------------------------------------------------- B: zh-Hans, HTML, SDK as labelled list
B = dict(name="zh-html-list", fmt="html", lang="zh-Hans", operator="北京示例影像科技有限公司",
         email="dpo@yunxiangce-example.com", effective="2024-11-20", responseDays=10, items=[
    I(None, [], "<html><head><meta charset='utf-8'><title>云享相册个人信息保护政策</title></head><body>"),
    I("effectiveDate", ["effectiveDate"], "<p>本政策发布日期：2024年11月13日，生效日期：2024年11月20日。</p>"),
    I(None, [], "<p>云享相册的运营者为北京示例影像科技有限公司，注册地址：北京市海淀区中关村大街1号。本政策适用于云享相册App。</p>"),
    I("piPurposes", ["piPurposes"], "<h2>第一部分 我们收集的个人信息及其用途</h2><ol><li>相册备份：经您授权后，我们会读取您相册中的照片和视频，用于将其备份到云端。</li><li>安全风控：为保障账号安全，我们会收集设备型号、操作系统版本和设备标识符，用于识别异常登录。</li><li>实名认证：在您使用共享空间付费功能时，我们会收集您的真实姓名和身份证号码，用于完成实名认证。</li></ol>"),
    I("permissions", ["permissions"], "<h2>第二部分 设备权限调用说明</h2><div><p>存储/相册权限：用于读取和保存照片，实现备份和下载功能。</p><p>相机权限：用于在App内拍摄照片并直接上传。</p><p>通知权限：用于向您发送备份完成的提醒。</p></div>"),
    I("sensitivePi", ["sensitivePi", "separateConsent"], "<p>身份证号码属于敏感个人信息。处理敏感个人信息前，我们会以弹窗方式单独告知处理目的和必要性，并取得您的单独同意。</p>"),
    I("sdkList", ["sdkList"], "<h2>第三部分 第三方SDK目录</h2><ul><li>SDK名称：个推SDK；提供方：每日互动股份有限公司；使用目的：消息推送；收集个人信息：设备标识符、网络类型；隐私政策：https://docs.getui.com/privacy/</li><li>SDK名称：微信开放平台SDK；提供方：深圳市腾讯计算机系统有限公司；使用目的：微信登录和分享；收集个人信息：设备型号、网络状态；隐私政策：https://weixin.qq.com/cgi-bin/readtemplate?t=weixin_agreement</li><li>SDK名称：支付宝SDK；提供方：支付宝（中国）网络技术有限公司；使用目的：购买存储空间时完成支付；收集个人信息：设备标识符、网络信息；隐私政策：https://opendocs.alipay.com/open/54/01g6qm</li></ul>",
      sdks=["getui", "wechat-opensdk", "alipay"]),
    I("collectedPiList", ["collectedPiList"], "<p>我们制作了《个人信息收集清单》，您可以在“设置-关于-隐私”中随时查看。</p>"),
    I("sharedPiList", ["sharedPiList"], "<p>您还可以在同一页面查看《第三方信息共享清单》。</p>"),
    I("retention", ["retention"], "<h2>第四部分 个人信息的保存</h2><p>您的照片在您删除备份前一直保存；其他个人信息的保存期限为实现处理目的所必要的最短时间。</p>"),
    I("storageLocation", ["storageLocation", "crossBorder"], "<p>我们将在中国境内运营中收集的个人信息存储于中国境内，不会进行跨境传输。</p>"),
    I(None, [], "<h2>第五部分 您如何管理个人信息</h2>"),
    I("rightsAccess", ["rightsAccess"], "<p>（一）查询：您可以在“我的-账号资料”查询您的个人信息。</p>"),
    I("rightsCorrect", ["rightsCorrect"], "<p>（二）更正和补充：您可以在“我的-账号资料”中更正或补充您的昵称、头像等资料。</p>"),
    I("rightsDelete", ["rightsDelete"], "<p>（三）删除：您可以删除已备份的照片；在符合法律规定的情形下，您可以要求我们删除您的个人信息。</p>"),
    I("rightsWithdraw", ["rightsWithdraw"], "<p>（四）改变授权范围：您可以在系统设置中改变授权范围，或在“设置-隐私”中撤回授权同意。</p>"),
    I("rightsCancelAccount", ["rightsCancelAccount"], "<p>（五）注销账户：您可以在“设置-账号安全-注销账户”中注销您的账户。</p>"),
    I("personalisedPush", ["personalisedPush"], "<p>（六）个性化推送：我们会根据您的相册内容生成回忆视频并向您推送，您可以在“设置-通知”中关闭个性化推送。</p>"),
    I("children", ["children", "guardianConsent"], "<h2>第六部分 未成年人保护</h2><p>如您为未满14周岁的未成年人，应在监护人同意后使用本产品；监护人可以通过本政策末尾的联系方式与我们联系。</p>"),
    I("policyChanges", ["policyChanges"], "<h2>第七部分 本政策的变更</h2><p>本隐私政策发生重大变更时，我们会以站内信或弹窗形式通知您。</p>"),
    I("contact", ["contact"], "<h2>第八部分 联系方式</h2><p>个人信息保护负责人邮箱：dpo@yunxiangce-example.com；客服电话：400-123-4567。</p>"),
    I("complaint", ["complaint"], "<p>您也可以通过客服热线进行投诉。</p>"),
    I("responsePeriod", ["responsePeriod"], "<p>我们会在十个工作日内回复您的请求。</p>"),
    I(None, [], "</body></html>"),
], drops=["sdkList", "piPurposes", "rightsAccess", "storageLocation", "children", "contact"])

# ---------------------------------------------------------------- C: zh-Hans, plain text, SDK in prose
C = dict(name="zh-text-prose", fmt="txt", lang="zh-Hans", operator="上海示例出行服务有限公司",
         email="privacy@xingchu-example.cn", effective="2025-01-01", responseDays=15, items=[
    I(None, [], "行出打车隐私政策"),
    I("effectiveDate", ["effectiveDate"], "最近更新：2024年12月20日\n生效时间：2025年1月1日"),
    I(None, [], "行出打车由上海示例出行服务有限公司（以下简称“我们”）提供。请您在使用前仔细阅读本政策。"),
    I("piPurposes", ["piPurposes"], "一、我们收集的信息\n为了向您提供叫车服务，我们会收集您的出发地、目的地和精确位置信息，用于匹配附近的司机和计算行程费用。\n为了完成支付，我们会收集您的订单信息和支付记录。"),
    I("permissions", ["permissions"], "二、权限使用\n位置权限：用于获取上车点和导航。电话权限：用于联系司机。麦克风权限：用于行程录音，以便处理安全纠纷。"),
    I("sensitivePi", ["sensitivePi", "separateConsent"], "行程录音和行踪轨迹属于敏感个人信息，我们会在开启前取得您的单独同意。"),
    I("sdkList", ["sdkList"], "三、第三方SDK\n为实现地图和定位功能，我们集成了高德地图SDK，由高德软件有限公司提供，该SDK会收集您的位置信息和设备信息。\n为完成在线支付，我们接入了微信支付使用的微信开放平台SDK，由深圳市腾讯计算机系统有限公司提供。\n为分析应用崩溃，我们使用了第三方服务Bugly，该服务会收集设备型号和系统版本。",
      sdks=["amap-maps", "wechat-opensdk", "bugly"]),
    I("collectedPiList", ["collectedPiList"], "《已收集个人信息清单》可在App“设置-隐私中心”查看。"),
    I("sharedPiList", ["sharedPiList"], "《第三方共享个人信息清单》可在同一页面查看。"),
    I("retention", ["retention"], "四、信息保存\n行程信息的保存期限为行程结束后三年，法律法规另有规定的除外。"),
    I("storageLocation", ["storageLocation"], "您的个人信息存储于中华人民共和国境内的服务器。"),
    I("rightsAccess", ["rightsAccess", "rightsCorrect"], "五、您的权利\n您可以在“我的-个人信息”中查阅和更正您的个人信息。"),
    I("rightsDelete", ["rightsDelete"], "您可以在“我的-行程”中删除历史行程信息。"),
    I("rightsWithdraw", ["rightsWithdraw"], "您可以随时撤回对本政策的同意，撤回后我们将不再处理相应的个人信息。"),
    I("rightsCancelAccount", ["rightsCancelAccount"], "您可以通过“设置-账号与安全-注销账号”注销您的账号。"),
    I("personalisedPush", ["personalisedPush"], "我们可能基于您的常用地址向您推送个性化出行优惠，您可以在“设置-消息通知”中关闭个性化推荐。"),
    I("children", ["children", "guardianConsent"], "六、儿童个人信息\n我们不向儿童提供叫车服务。若您是不满十四周岁的儿童，须由监护人同意并陪同乘车。"),
    I("policyChanges", ["policyChanges"], "七、政策更新\n本政策更新后，我们会在App内以弹窗方式提示您。"),
    I("contact", ["contact"], "八、联系我们\n邮箱：privacy@xingchu-example.cn\n电话：021-66667777"),
    I("complaint", ["complaint"], "您可以拨打客服电话进行投诉。"),
    I("responsePeriod", ["responsePeriod"], "我们将在15个工作日内答复您的请求。"),
], drops=["sdkList", "sensitivePi", "rightsWithdraw", "policyChanges", "effectiveDate", "retention"])

# ---------------------------------------------------------------- D: en, HTML, SDK table
D = dict(name="en-html-table", fmt="html", lang="en", operator="Example Software Co., Ltd.",
         email="privacy@quicknotes-example.com", effective="2025-03-08", responseDays=15, items=[
    I(None, [], "<h1>QuickNotes Privacy Policy</h1>"),
    I("effectiveDate", ["effectiveDate"], "<p>Last updated: March 1, 2025. Effective date: March 8, 2025.</p>"),
    I(None, [], "<p>QuickNotes (the \"App\") is provided by Example Software Co., Ltd. (\"we\", \"us\"), a company registered in Hangzhou, China.</p>"),
    I("piPurposes", ["piPurposes"], "<h2>1. Information We Collect and How We Use It</h2><p>Account: when you register, we collect your mobile number to create your account and to verify your sign-in.</p><p>Sync: we collect your device identifier (OAID) and IP address in order to synchronise your notes across devices.</p><p>Location reminders: if you switch on location reminders, we collect your precise location to remind you when you arrive at a place.</p>"),
    I("permissions", ["permissions"], "<h2>2. Device Permissions</h2><ul><li>Camera permission: used to scan paper documents into notes.</li><li>Microphone permission: used to record voice notes.</li><li>Storage permission: used to import and export attachments.</li><li>Location permission: used for location reminders.</li></ul>"),
    I("sensitivePi", ["sensitivePi", "separateConsent"], "<p>Precise location is sensitive personal information. We ask for your separate consent before we first collect it.</p>"),
    I("sdkList", ["sdkList"], "<h2>3. Third-Party SDKs</h2><p>We integrate the following third-party SDKs:</p><table><thead><tr><th>SDK</th><th>Provider</th><th>Purpose</th><th>Personal information collected</th><th>Privacy policy</th></tr></thead><tbody><tr><td>Firebase Crashlytics</td><td>Google LLC</td><td>Crash reporting</td><td>Device model, OS version, crash logs</td><td>https://firebase.google.com/support/privacy</td></tr><tr><td>JPush</td><td>Aurora Mobile Ltd.</td><td>Push notifications</td><td>Device identifiers</td><td>https://www.jiguang.cn/license/privacy</td></tr><tr><td>Amap Location SDK</td><td>AutoNavi Software Co., Ltd.</td><td>Location reminders</td><td>Location information</td><td>https://lbs.amap.com/pages/privacy/</td></tr></tbody></table>",
      sdks=["google-crashlytics", "jpush", "amap-location"]),
    I("collectedPiList", ["collectedPiList"], "<p>You can view the list of personal information we collect under Settings &gt; Privacy.</p>"),
    I("sharedPiList", ["sharedPiList"], "<p>The third-party sharing list is available on the same page.</p>"),
    I("retention", ["retention"], "<h2>4. How Long We Keep Your Information</h2><p>We retain your personal information only for as long as necessary for the purposes described in this policy, and anonymise it afterwards.</p>"),
    I("storageLocation", ["storageLocation"], "<p>Personal information collected in the People's Republic of China is stored in the People's Republic of China.</p>"),
    I("crossBorder", ["crossBorder", "separateConsent"], "<p>If a cross-border transfer ever becomes necessary, we will tell you the recipient and obtain your separate consent first.</p>"),
    I(None, [], "<h2>5. Your Rights</h2>"),
    I("rightsAccess", ["rightsAccess"], "<p>Access: you can access your personal information under Me &gt; Profile.</p>"),
    I("rightsCorrect", ["rightsCorrect"], "<p>Correction: you can correct inaccurate details on the Profile page.</p>"),
    I("rightsDelete", ["rightsDelete"], "<p>Erasure: you can delete notes and other personal information in Settings &gt; Privacy, or ask us to do so.</p>"),
    I("rightsWithdraw", ["rightsWithdraw"], "<p>Withdrawing consent: you can withdraw your consent by switching off a permission or under Settings &gt; Privacy &gt; Authorisations.</p>"),
    I("rightsCancelAccount", ["rightsCancelAccount"], "<p>Closing your account: you can close your account under Me &gt; Settings &gt; Account.</p>"),
    I("personalisedPush", ["personalisedPush"], "<p>Personalised recommendations: we recommend note templates based on how you use the App. You can turn off personalised recommendations in Settings &gt; Privacy.</p>"),
    I("children", ["children", "guardianConsent"], "<h2>6. Children</h2><p>The App is intended for adults. If you are under 14, please read this policy with your parent or guardian and use the App only with the consent of your parent or guardian.</p>"),
    I("policyChanges", ["policyChanges"], "<h2>7. Changes to This Policy</h2><p>We may update this policy from time to time and will notify you in the App before the changes take effect.</p>"),
    I("contact", ["contact"], "<h2>8. Contact Us</h2><p>Email: privacy@quicknotes-example.com; phone: +86 571 8888 6666; address: 8F Example Tower, 100 Wensan Road, Hangzhou, China.</p>"),
    I("complaint", ["complaint"], "<p>If you are not satisfied with our reply, you may lodge a complaint with the competent authority.</p>"),
    I("responsePeriod", ["responsePeriod"], "<p>We will respond to your request within 15 working days.</p>"),
], drops=["sdkList", "rightsDelete", "rightsCorrect", "sharedPiList", "crossBorder", "complaint", "permissions"])

# ---------------------------------------------------------------- E: en, plain text, SDK list
E = dict(name="en-text-list", fmt="txt", lang="en", operator="Fitloop Labs Ltd.",
         email="support@fitloop-example.com", effective="2024-06-01", responseDays=30, items=[
    I(None, [], "Fitloop Privacy Notice"),
    I("effectiveDate", ["effectiveDate"], "Effective: 1 June 2024"),
    I(None, [], "Fitloop is operated by Fitloop Labs Ltd. (\"we\"). This notice explains how we handle your personal information when you use the Fitloop app."),
    I("piPurposes", ["piPurposes"], "1. What we collect and why\n- Step count and heart rate from your phone or watch, to show your daily activity.\n- Your email address, to create your account and to send receipts.\n- Approximate location, to show weather for your run."),
    I("permissions", ["permissions"], "2. Permissions\nThe app asks for the physical activity permission to count steps and the location permission to record your running route. Bluetooth permission is used to connect your watch."),
    I("sensitivePi", ["sensitivePi", "separateConsent"], "Health data is sensitive personal information; we collect it only after you give separate consent on a dedicated screen."),
    I("sdkList", ["sdkList"], "3. Third-party SDKs\n- Name: Getui SDK; Provider: Getui (Meiri Hudong); Purpose: push notifications; Data collected: device identifiers\n- Name: Sensors Analytics SDK; Provider: Sensors Data Network Technology Co., Ltd.; Purpose: usage statistics; Data collected: device model, app usage events\n- Name: Huawei Push Kit; Provider: Huawei Software Technologies Co., Ltd.; Purpose: push on Huawei phones; Data collected: AAID, device model",
      sdks=["getui", "sensorsdata", "huawei-push"]),
    I("collectedPiList", ["collectedPiList"], "A list of personal information we collect is shown under Profile > Privacy."),
    I("sharedPiList", ["sharedPiList"], "A list of personal data shared with third parties is shown on the same screen."),
    I("retention", ["retention"], "4. Retention\nWe keep workout history until you remove it, and other data no longer than 24 months after your last sign-in."),
    I("storageLocation", ["storageLocation"], "Your data is stored in mainland China on servers we rent from a domestic cloud provider."),
    I("rightsAccess", ["rightsAccess", "rightsDelete"], "5. Your choices\nYou can access your personal data and delete your data from Profile > Privacy."),
    I("rightsCorrect", ["rightsCorrect"], "You can correct your profile at any time."),
    I("rightsWithdraw", ["rightsWithdraw"], "You can withdraw your consent in Profile > Privacy > Consents."),
    I("rightsCancelAccount", ["rightsCancelAccount"], "You can close your account from Profile > Account."),
    I("personalisedPush", ["personalisedPush"], "We send personalised training tips; you can opt out in Profile > Notifications."),
    I("children", ["children", "guardianConsent"], "6. Children\nFitloop is not directed at children under 14. Users under 14 need the consent of a parent or guardian."),
    I("policyChanges", ["policyChanges"], "7. Changes to this notice\nWe will notify you in the app of any material changes to this notice."),
    I("contact", ["contact"], "8. Contact us\nsupport@fitloop-example.com"),
    I("complaint", ["complaint"], "You can also complain to your local data protection authority."),
    I("responsePeriod", ["responsePeriod"], "We respond to requests within 30 days."),
], drops=["sdkList", "rightsWithdraw", "storageLocation", "collectedPiList", "children", "responsePeriod"])

# ---------------------------------------------------------------- F: zh-Hant, HTML, SDK table
F = dict(name="zh-hant-html-table", fmt="html", lang="zh-Hant", operator="示例數位科技有限公司",
         email="privacy@example-tw.com", effective="2025-02-01", responseDays=15, items=[
    I(None, [], "<h1>樂讀書城隱私權政策</h1>"),
    I("effectiveDate", ["effectiveDate"], "<p>生效日期：2025年2月1日</p>"),
    I(None, [], "<p>樂讀書城由示例數位科技有限公司（以下簡稱「我們」）營運。</p>"),
    I("piPurposes", ["piPurposes"], "<h2>一、我們收集的個人資料及用途</h2><p>我們會收集您的手機號碼，用於註冊帳號與登入驗證；我們會收集您的閱讀紀錄，用於同步書架。</p>"),
    I("permissions", ["permissions"], "<h2>二、裝置權限</h2><p>儲存權限：用於下載書籍供離線閱讀。通知權限：用於提醒您新書上架。</p>"),
    I("sdkList", ["sdkList"], "<h2>三、第三方SDK列表</h2><table><tr><th>SDK名稱</th><th>提供方</th><th>使用目的</th><th>收集的個人資料</th></tr><tr><td>友盟统计SDK</td><td>友盟同欣（北京）科技有限公司</td><td>統計分析</td><td>設備信息</td></tr><tr><td>微信开放平台SDK</td><td>深圳市騰訊計算機系統有限公司</td><td>分享</td><td>設備型號</td></tr></table>",
      sdks=["umeng-analytics", "wechat-opensdk"]),
    I("retention", ["retention"], "<h2>四、保存期限</h2><p>我們僅在達成目的所需的最短期限內保存您的個人資料。</p>"),
    I("storageLocation", ["storageLocation"], "<p>您的個人資料儲存於中華人民共和國境內。</p>"),
    I("rightsAccess", ["rightsAccess", "rightsCorrect"], "<h2>五、您的權利</h2><p>您可以查閱及更正您的個人資料。</p>"),
    I("rightsDelete", ["rightsDelete"], "<p>您可以請求刪除您的個人資料。</p>"),
    I("rightsWithdraw", ["rightsWithdraw"], "<p>您可以隨時撤回同意。</p>"),
    I("rightsCancelAccount", ["rightsCancelAccount"], "<p>您可以在「設定-帳號」中註銷帳號。</p>"),
    I("policyChanges", ["policyChanges"], "<h2>六、政策更新</h2><p>本政策更新時，我們會以App內通知告知您。</p>"),
    I("contact", ["contact"], "<h2>七、聯絡我們</h2><p>電子郵件：privacy@example-tw.com</p>"),
    I("complaint", ["complaint"], "<p>您可以透過客服信箱提出投訴。</p>"),
    I("responsePeriod", ["responsePeriod"], "<p>我們將於15個工作日內回覆。</p>"),
], drops=["sdkList", "retention"])

# ---------------------------------------------------------------- G: zh-Hans, HTML, kids app with face + minor mode
G = dict(name="zh-html-kids", fmt="html", lang="zh-Hans", operator="成都示例教育科技有限公司",
         email="child-privacy@xuetang-example.cn", effective="2025-04-15", responseDays=15, items=[
    I(None, [], "<h1>小学堂儿童个人信息保护规则及隐私政策</h1>"),
    I("effectiveDate", ["effectiveDate"], "<p>版本日期：2025年4月10日；生效日期：2025年4月15日</p>"),
    I(None, [], "<p>小学堂由成都示例教育科技有限公司（以下简称“我们”）开发运营，面向6至12岁儿童及其家长。</p>"),
    I("children", ["children", "guardianConsent"], "<h2>儿童个人信息保护规则</h2><p>我们专门制定了《儿童个人信息保护规则》。在收集不满十四周岁儿童的个人信息前，我们会取得儿童监护人的同意；监护人拒绝同意的，儿童仍可使用无需个人信息的基础课程。</p>"),
    I("piPurposes", ["piPurposes"], "<h2>一、我们收集的信息</h2><p>我们会收集监护人的手机号码，用于注册和登录；收集孩子的年级和学习记录，用于推荐适合的课程。</p>"),
    I("permissions", ["permissions"], "<h2>二、权限说明</h2><p>麦克风权限：用于口语跟读评分。相机权限：用于拍照搜题。</p>"),
    I("face", ["face", "faceAlternative", "sensitivePi", "separateConsent", "guardianConsent"], "<h2>三、人脸识别</h2><p>监护人开通家长管控功能时，可以选择使用人脸识别验证身份。人脸信息属于敏感个人信息，我们会取得监护人的单独同意；您也可以选择短信验证码等其他验证方式。</p>"),
    I("minorMode", ["minorMode"], "<p>本应用默认开启未成年人模式，限制每日使用时长。</p>"),
    I("sdkList", ["sdkList"], "<h2>四、第三方SDK</h2><table><tr><th>第三方名称</th><th>公司名称</th><th>用途</th><th>个人信息字段</th></tr><tr><td>百度人脸识别SDK</td><td>北京百度网讯科技有限公司</td><td>家长身份核验</td><td>人脸图像</td></tr><tr><td>讯飞语音评测SDK</td><td>科大讯飞股份有限公司</td><td>口语评分</td><td>录音</td></tr></table>",
      sdks=["baidu-face", {"name": "讯飞语音评测SDK"}]),
    I("collectedPiList", ["collectedPiList"], "<p>《已收集个人信息清单》和</p>"),
    I("sharedPiList", ["sharedPiList"], "<p>《第三方共享清单》可在家长中心查看。</p>"),
    I("retention", ["retention"], "<h2>五、保存</h2><p>儿童个人信息的保存期限不超过实现目的所必需的期限，到期后删除或匿名化。</p>"),
    I("storageLocation", ["storageLocation"], "<p>所有信息存储于中华人民共和国境内。</p>"),
    I("rightsAccess", ["rightsAccess", "rightsCorrect"], "<h2>六、监护人的权利</h2><p>监护人可以在家长中心查阅、更正孩子的个人信息。</p>"),
    I("rightsDelete", ["rightsDelete"], "<p>监护人可以要求我们删除孩子的个人信息。</p>"),
    I("rightsWithdraw", ["rightsWithdraw"], "<p>监护人可以撤回同意。</p>"),
    I("rightsCancelAccount", ["rightsCancelAccount"], "<p>监护人可以在家长中心注销账号。</p>"),
    I("policyChanges", ["policyChanges"], "<h2>七、规则更新</h2><p>本政策更新时，我们会通知监护人并重新取得同意。</p>"),
    I("contact", ["contact"], "<h2>八、联系我们</h2><p>儿童个人信息保护专员邮箱：child-privacy@xuetang-example.cn</p>"),
    I("complaint", ["complaint"], "<p>您可以向我们或监管部门投诉。</p>"),
    I("responsePeriod", ["responsePeriod"], "<p>我们将在15个工作日内答复。</p>"),
], drops=["face", "minorMode", "children", "sdkList", "rightsDelete"])

BASES = [A, B, C, D, E, F, G]


def render(base, items):
    if base["fmt"] == "html":
        return "\n".join(i["content"] for i in items) + "\n"
    return "\n".join(i["content"] for i in items) + "\n"


def expected(base, items, dropped):
    present = set()
    sdks = []
    for i in items:
        present.update(i["sections"])
        sdks.extend(i["sdks"])
    e = {
        "base": base["name"], "dropped": dropped, "format": "html" if base["fmt"] == "html" else "text",
        "language": base["lang"],
        "sections": {s: (s in present) for s in ALL},
        "sdks": sdks,
    }
    if any("effectiveDate" == i["element"] for i in items):
        e["effectiveDate"] = base["effective"]
    if any("contact" == i["element"] for i in items):
        e["email"] = base["email"]
    if any("responsePeriod" == i["element"] for i in items):
        e["responseDays"] = base["responseDays"]
    e["operator"] = base["operator"]
    return e


for b in BASES:
    ext = "html" if b["fmt"] == "html" else "txt"
    variants = [(b["name"] + "-complete", None)] + [(b["name"] + "-no-" + d, d) for d in b["drops"]]
    for name, drop in variants:
        items = [i for i in b["items"] if drop is None or i["element"] != drop]
        assert drop is None or len(items) < len(b["items"]), (name, drop)
        with open(os.path.join(OUT, name + "." + ext), "w", encoding="utf-8") as f:
            f.write(render(b, items))
        with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected(b, items, drop), f, ensure_ascii=False, indent=1)
            f.write("\n")
print("ok")
