package com.admissiongate.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Chinese and English wording the parser recognises: PI phrases → PI-type ids of the catalogs
 * (contracts/catalog/apis.schema.json piType), permission phrases → Android permissions, and the section
 * detectors. Data, not logic: extend the tables, the accuracy test (PolicyAccuracyTests) tells whether it helped.
 */
final class PrivacyVocabulary {

    private PrivacyVocabulary() {
    }

    /** Phrase → PI types. Generic phrases ("位置信息", "device information") name every type they cover. */
    static final Map<String, List<String>> PI_PHRASES = new LinkedHashMap<>();

    static {
        pi(List.of("precise-location"), "精确位置", "精准位置", "精确定位", "GPS", "precise location", "exact location",
                "行踪轨迹", "轨迹");
        pi(List.of("coarse-location"), "粗略位置", "大致位置", "基站信息", "基站", "approximate location",
                "coarse location", "cell tower");
        pi(List.of("precise-location", "coarse-location"), "位置信息", "地理位置", "定位信息", "所在位置", "位置权限",
                "定位权限", "location information", "location data", "your location", "geolocation",
                "location permission", "位置", "定位");
        pi(List.of("contacts"), "通讯录", "联系人", "contacts", "address book", "contact list");
        pi(List.of("accounts"), "设备账户", "设备上的账户", "账户信息", "accounts on your device", "device accounts");
        pi(List.of("call-log"), "通话记录", "call log", "call logs", "call history");
        pi(List.of("sms"), "短信", "短消息", "SMS", "text messages");
        pi(List.of("device-identifier"), "IMEI", "MEID", "IMSI", "ICCID", "OAID", "设备标识符", "设备标识", "设备识别码",
                "device identifier", "device identifiers", "device ID", "SIM卡序列号", "SIM card serial");
        pi(List.of("device-identifier", "hardware-identifier"), "设备信息", "设备唯一标识", "device information",
                "unique device");
        pi(List.of("hardware-identifier"), "MAC地址", "MAC address", "Android ID", "AndroidID", "序列号",
                "serial number", "硬件序列号", "蓝牙地址", "Bluetooth address", "BSSID");
        pi(List.of("phone-number", "phone-registered"), "手机号码", "手机号", "电话号码", "本机号码", "phone number",
                "mobile number", "telephone number");
        pi(List.of("app-list"), "应用列表", "软件列表", "安装列表", "已安装应用", "已安装的应用", "应用安装列表",
                "installed apps", "installed applications", "list of installed", "app list");
        pi(List.of("usage-records"), "使用记录", "应用使用情况", "使用情况", "usage data", "usage records",
                "usage statistics", "app usage");
        pi(List.of("clipboard"), "剪切板", "剪贴板", "粘贴板", "clipboard");
        pi(List.of("camera"), "相机", "摄像头", "拍照", "拍摄", "扫码", "扫描二维码", "camera");
        pi(List.of("face"), "人脸", "面部特征", "面部识别", "face", "facial");
        pi(List.of("microphone"), "麦克风", "录音", "语音", "音频", "microphone", "voice", "audio recording");
        pi(List.of("biometric-check"), "指纹", "fingerprint");
        pi(List.of("media-files"), "相册", "照片", "图片", "存储权限", "存储空间", "本地文件", "photos", "photo album",
                "media files", "files on your device", "storage permission", "pictures");
        pi(List.of("calendar"), "日历", "calendar");
        pi(List.of("health"), "健康", "步数", "心率", "运动数据", "health data", "health information", "step count",
                "heart rate", "fitness data");
        pi(List.of("nearby-devices"), "蓝牙", "附近设备", "WLAN列表", "Wi-Fi列表", "bluetooth", "nearby devices");
        pi(List.of("browsing-history"), "浏览记录", "浏览历史", "搜索记录", "browsing history", "search history");
        pi(List.of("id-card-bank-card"), "身份证", "银行卡", "ID card", "bank card", "identity card");
        pi(List.of("ip-address"), "IP地址", "IP address");
        pi(List.of("payment"), "支付信息", "交易记录", "订单信息", "支付记录", "payment information", "payment details",
                "transaction records", "order information");
        pi(List.of("identity"), "真实姓名", "实名", "身份信息", "证件号码", "real name", "identity information",
                "ID number");
        pi(List.of("consignee-address"), "收货地址", "收货人", "shipping address", "delivery address");
        pi(List.of("resume"), "简历", "resume");
    }

    private static void pi(List<String> types, String... phrases) {
        for (String p : phrases) {
            PI_PHRASES.put(p, types);
        }
    }

    /** Phrase (only counted in a sentence that talks about 权限/permission) → Android permission names. */
    static final Map<String, List<String>> PERMISSION_PHRASES = new LinkedHashMap<>();

    static {
        perm(List.of("android.permission.CAMERA"), "相机", "摄像头", "camera");
        perm(List.of("android.permission.ACCESS_FINE_LOCATION", "android.permission.ACCESS_COARSE_LOCATION"),
                "位置", "定位", "location");
        perm(List.of("android.permission.ACCESS_BACKGROUND_LOCATION"), "后台定位", "后台位置", "background location");
        perm(List.of("android.permission.RECORD_AUDIO"), "麦克风", "录音", "microphone");
        perm(List.of("android.permission.READ_CONTACTS"), "通讯录", "联系人", "contacts");
        perm(List.of("android.permission.READ_PHONE_STATE"), "电话权限", "设备信息权限", "读取手机状态", "电话状态",
                "phone permission", "phone state");
        perm(List.of("android.permission.READ_EXTERNAL_STORAGE", "android.permission.WRITE_EXTERNAL_STORAGE",
                "android.permission.READ_MEDIA_IMAGES"), "存储", "相册", "照片", "storage", "photos", "media");
        perm(List.of("android.permission.READ_CALENDAR", "android.permission.WRITE_CALENDAR"), "日历", "calendar");
        perm(List.of("android.permission.READ_SMS", "android.permission.RECEIVE_SMS"), "短信", "SMS");
        perm(List.of("android.permission.READ_CALL_LOG"), "通话记录", "call log");
        perm(List.of("android.permission.BLUETOOTH_CONNECT", "android.permission.BLUETOOTH_SCAN"), "蓝牙", "bluetooth");
        perm(List.of("android.permission.POST_NOTIFICATIONS"), "通知", "notification");
        perm(List.of("android.permission.BODY_SENSORS", "android.permission.ACTIVITY_RECOGNITION"), "传感器",
                "身体活动", "运动健身", "body sensors", "physical activity");
        perm(List.of("android.permission.QUERY_ALL_PACKAGES"), "应用列表", "软件安装列表", "installed apps");
    }

    private static void perm(List<String> perms, String... phrases) {
        for (String p : phrases) {
            PERMISSION_PHRASES.put(p, perms);
        }
    }

    static final Pattern PERMISSION_CONTEXT = Pattern.compile("权限|permission", Pattern.CASE_INSENSITIVE);
    static final Pattern ANDROID_PERMISSION = Pattern.compile("android\\.permission\\.[A-Z_]{3,60}");

    /** A sentence that declines rather than declares: "我们不会收集您的通讯录". */
    static final Pattern NEGATION = Pattern.compile(
            "不会(收集|获取|申请|使用|读取|调用|访问)|不(收集|获取|申请|读取|调用)|并未|从不|无需|we (will |do )?not |"
                    + "will not (collect|access|request|read)|won't|never (collect|access|request|read)|"
                    + "does not (collect|access)|do not (collect|access|request)", Pattern.CASE_INSENSITIVE);

    static final Pattern EXPERIENCE_PURPOSE = Pattern.compile(
            "(改善|改进|提升|优化|提高)[^，。；,.;]{0,6}(服务|体验|产品|质量)|研发新产品|开发新(的)?产品|"
                    + "improv\\w* (our |the )?(services?|experience|products?)|enhanc\\w* (the |your )?(user )?experience|"
                    + "develop\\w* new (products|features)", Pattern.CASE_INSENSITIVE);

    static final Pattern FUNCTION_PURPOSE = Pattern.compile(
            "用于(实现|提供|完成|向您|为您|帮助|保障|支付|登录|注册|推送|定位|导航|识别|验证|拍摄|扫描|发送|展示|上传|分享|安全|"
                    + "风控|核验|防范|身份|账号|消息|客服|配送|计算|记录|保存|语音|拍照|选择)|以便(您|我们|为您|向您|实现)|"
                    + "为了(向您|实现|保障|完成|提供|帮助|验证)|实现[^，。；]{0,12}功能|"
                    + "to (provide|enable|deliver|verify|process|send|show|display|scan|take|record|complete|secure|"
                    + "prevent|detect|navigate|locate|authenticate|sync|back up|let you|allow you|help you|support)|"
                    + "for (login|sign-in|payment|security|navigation|delivery|verification|fraud|customer service)",
            Pattern.CASE_INSENSITIVE);

    /** Section id → patterns that must all occur in one block (paragraph, list item, table row). */
    static final Map<String, List<Pattern>> SECTIONS = new LinkedHashMap<>();

    static {
        section("piPurposes", "(收集|获取|读取)[^。；]{0,40}(个人信息|信息|数据|号码|标识|位置|地址|照片|记录)|"
                        + "(collect|obtain|gather|read)\\w*\\b[^.;]{0,60}(information|data|number|identifier|location|address)|what we collect",
                "用于|目的|为了|以便|purpose|in order to|used to|so that|\\bto [a-z]+ (your|you|the|a|an)\\b");
        section("permissions", "权限|permission",
                "用于|目的|为了|以便|场景|功能|purpose|in order to|used to|so that|to (take|scan|record|show|provide|enable|find|select|save|send)");
        section("sdkList", "第三方SDK|SDK(名称|清单|列表|目录)|接入的第三方|第三方(合作方|服务商)?(清单|列表)|third[- ]party SDK|SDKs? (we use|list|used)|list of (third[- ]party )?SDKs");
        section("retention", "保存期限|存储期限|保留期限|保存期|最短(时间|期限)|(保存|存储|保留)[^。；]{0,20}(期限|时间|年|个月|日)|"
                + "retention|retain|(store|keep)\\w* [^.;]{0,50}(for|until) |no longer than");
        section("storageLocation", "(存储|储存|保存)[^。；]{0,20}(境内|中华人民共和国|中国)|(境内|中华人民共和国境内)[^。；]{0,10}(存储|储存|保存)|"
                + "(store|stored|kept|keep|process)\\w*[^.;]{0,40}(in|within) (the People's Republic of China|mainland China|China|the PRC)");
        section("crossBorder", "境外|跨境|出境|cross[- ]border|outside (of )?(mainland )?China|outside the PRC|abroad");
        section("rightsAccess", "(查阅|访问|查询|复制)[^。；]{0,12}(个人信息|您的信息|信息|资料)|access (to )?your (personal )?(information|data)|copy of your");
        section("rightsCorrect", "更正|修改[^。；]{0,8}(个人信息|资料)|correct|rectif");
        section("rightsDelete", "删除[^。；]{0,12}(个人信息|信息|资料)|(delete|erase)\\w*[^.;]{0,30}(information|data)|"
                + "(deletion|erasure) of (your )?(personal )?(information|data)|right to (deletion|erasure|delete)");
        section("rightsWithdraw", "撤回[^。；]{0,6}(同意|授权)|(改变|撤销)[^。；]{0,6}授权|withdraw\\w*[^.;]{0,20}consent|revoke[^.;]{0,20}(consent|authori)");
        section("rightsCancelAccount", "注销[^。；]{0,4}(账号|账户|帐号|帐户)|(delete|close|cancel)[^.;]{0,10}(your )?account|account (deletion|cancellation)");
        section("complaint", "投诉|举报|complain|lodge a complaint");
        section("responsePeriod", "(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*个?(工作日|日内|天内)|(\\d{1,3}|fifteen|thirty|ten|seven) (working |business |calendar )?days",
                "回复|答复|反馈|响应|respond|reply|response|answer");
        section("children", "儿童|不满十四|未满十四|不满14|未满14|14周岁以下|十四周岁以下|未成年人|children|child's|minors|under (the age of )?14|under 14",
                "监护人|家长|同意|规则|保护|parent|guardian|consent|protect");
        section("guardianConsent", "(取得|征得|经|获得|经过)[^。；]{0,8}监护人[^。；]{0,6}(同意|授权)|监护人(的)?(同意|授权)|(parent|guardian)[^.;]{0,40}consent|consent of (a |the |their |your )?(parent|guardian)");
        section("sensitivePi", "敏感个人信息|sensitive personal (information|data)");
        section("separateConsent", "单独同意|单独授权|单独的同意|separate consent|consent separately|separately (ask|obtain|seek)");
        section("personalisedPush", "个性化|定向推送|personali[sz]ed|targeted (advert|ads|push|recommend)",
                "关闭|退出|取消|不接收|turn (it )?off|opt[- ]out|disable|switch (it )?off|stop receiving");
        section("policyChanges", "(本政策|本隐私政策|隐私政策|本指引)[^。；]{0,20}(更新|变更|修订|修改)|(变更|更新|修订)[^。；]{0,20}(通知|告知|提示)|"
                + "(changes?|updates?|revisions?) to (this|our) (privacy )?(policy|notice)|(update|change|revise|modify) this (privacy )?(policy|notice)");
        section("contact", "联系我们|联络我们|如何联系|联系方式|联络方式|contact us|how to contact|contact information|邮箱|电话|e-?mail|phone",
                "@|\\d{3,4}-\\d{7,8}|400-|\\+\\d|电话|邮箱|地址|e-?mail|phone|address");
        section("collectedPiList", "已收集个人信息清单|个人信息收集清单|收集个人信息清单|个人信息收集明示清单|收集的个人信息清单|"
                + "list of (the )?personal (information|data) (we )?collect(ed)?|collected personal information list");
        section("sharedPiList", "第三方共享清单|第三方信息共享清单|与第三方共享个人信息清单|共享个人信息清单|第三方共享个人信息清单|"
                + "list of (personal (information|data) )?shar(ed|ing) with third parties|third[- ]party sharing list");
        section("face", "人脸|面部识别|face recognition|facial");
        section("faceAlternative", "人脸|面部|face|facial", "(其他|替代|其它|另行)[^。；]{0,10}(方式|验证|途径)|alternative|other (verification )?(method|way|option)");
        section("minorMode", "未成年人模式|青少年模式|minor mode|teen(ager)? mode|youth mode");
        section("personalisedMention", "个性化推荐|个性化推送|定向推送|个性化广告|个性化内容|personali[sz]ed (recommend|ad|content|push)|targeted (advert|ads)");
    }

    private static void section(String id, String... patterns) {
        // gaps never cross a block (blocks are joined with newlines)
        SECTIONS.put(id, java.util.Arrays.stream(patterns)
                .map(p -> Pattern.compile(p.replace("[^。；]", "[^。；\\n]").replace("[^.;]", "[^.;\\n]"),
                        Pattern.CASE_INSENSITIVE)).toList());
    }

    /** The sections RD191-2.1 requires (issue #9 list); the others feed specific rules. */
    static final List<String> REQUIRED = List.of("piPurposes", "permissions", "sdkList", "retention",
            "storageLocation", "rightsAccess", "rightsCorrect", "rightsDelete", "rightsWithdraw",
            "rightsCancelAccount", "complaint", "contact", "policyChanges");
}
