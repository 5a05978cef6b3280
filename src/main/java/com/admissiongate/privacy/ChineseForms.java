package com.admissiongate.privacy;

/**
 * Traditional → simplified for the characters of the parser's vocabulary, one char for one char so offsets into
 * the original text stay valid. Not a converter: only what the section, PI and SDK tables need to read a zh-Hant
 * policy (個人資料 → 个人资料, 註銷帳號 → 注销账号).
 */
final class ChineseForms {

    private static final String TRAD = "個們資錄權隱條帳賬號註銷聯絡繫閱刪護監兒設備識標訊電話機碼網際於與為將會這說時國對來發經過還"
            + "沒業務該據關處請選擇讀協議戶應類數閉啟覆複變訂單獨臉紀儲內華歸屬裝傳輸約統計測試驗證簡體歲滿齡長導態頁聽動廣薦匯總點開"
            + "項庫購買貨寫圖攝頭麥風擴讓藍歷尋銀實題遞離線書屬評謂視頻聲紋醫療財產蹤跡讚雲運營範圍錄製頻險"
            + "訴報舉細紹給級組織維隨認許詢詳論調謝錯鎖門間問陸雜難顯願飛齊億價優兩則創區衛員場專幫張強後從擁擔擊斷棄歡氣決漢無爭環現畫當盡確積稱種穩節籤紅終結絕綜編續罰職腦舊術補見規覽親觀記訪語誤謹責費賣質贈軟輕載轉辦進達違遠適遺邊釋錢隊陽雙靈須預領額義";
    private static final String SIMP = "个们资录权隐条帐账号注销联络系阅删护监儿设备识标讯电话机码网际于与为将会这说时国对来发经过还"
            + "没业务该据关处请选择读协议户应类数闭启复复变订单独脸纪储内华归属装传输约统计测试验证简体岁满龄长导态页听动广荐汇总点开"
            + "项库购买货写图摄头麦风扩让蓝历寻银实题递离线书属评谓视频声纹医疗财产踪迹赞云运营范围录制频险"
            + "诉报举细绍给级组织维随认许询详论调谢错锁门间问陆杂难显愿飞齐亿价优两则创区卫员场专帮张强后从拥担击断弃欢气决汉无争环现画当尽确积称种稳节签红终结绝综编续罚职脑旧术补见规览亲观记访语误谨责费卖质赠软轻载转办进达违远适遗边释钱队阳双灵须预领额义";

    private static final char[] MAP = new char[0x10000];

    static {
        if (TRAD.length() != SIMP.length()) {
            throw new IllegalStateException("traditional/simplified tables differ in length");
        }
        for (int c = 0; c < MAP.length; c++) {
            MAP[c] = (char) c;
        }
        for (int i = 0; i < TRAD.length(); i++) {
            MAP[TRAD.charAt(i)] = SIMP.charAt(i);
        }
    }

    private ChineseForms() {
    }

    static String toSimplified(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = MAP[out[i]];
        }
        return new String(out);
    }
}
