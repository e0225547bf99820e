/**
 * Chinese rules for schemes and risky moves named by what they do: getting through an inspection
 * with doctored data, keeping cash off the books, drugs in slang (冰du, 溜冰, 制du), fake liquor,
 * impersonating the police on the phone, taking money and not delivering, smuggling past customs,
 * child labour, refund abuse, cam-rip piracy; stopping or swapping medicine, waiting out an
 * emergency at home, aspirin for a baby, never paying support, a "return" too good to be true;
 * violence in plain words (a street fight, burying a body, choking someone out); sexual requests
 * about coercion or incest; and jailbreaks that claim an update, an authority or a research
 * licence. Each pairs the act with the sign that it is meant; the look-alikes are in
 * rules-zh-schemes.test.ts.
 */
import { flagRule as rule, type HarmRule } from './rule-types.js';

/** Asking about the law, consequences, or how to spot, report or prevent it. */
const ABOUT =
  '(?:违法吗|犯法吗|犯罪吗|判几年|怎么判|会怎么处罚|处罚|举报|报警|怎么识别|如何识别|防范|预防|怎么防|被骗|受害|后果|新闻|案例|是真的吗|谣言)';

/** The Chinese scheme rules. */
export const ZH_SCHEME_RULES: readonly HarmRule[] = [
  rule(
    'zh.evade_inspection',
    'crime_drugs',
    0.8,
    '(?:环保局|检查组?|抽检|采样|劳动局|监管|审计|税务局?|质检).{0,12}(?:来|检查|采样|抽查).{0,24}(?:怎么(?:处理|应付|糊弄|过去|躲)|数据好看|蒙混|应付过去)|(?:改改|篡改|伪造|编造)(?:一下)?(?:数据|监测数据|检测报告)|拿别的项目的.{0,6}(?:改改|改一改)',
    ABOUT,
  ),
  rule(
    'zh.tax_evasion',
    'crime_drugs',
    0.82,
    '(?:怎么|如何|怎样|有什么办法).{0,12}(?:不走账|私户收款|做两套账|少交(?:点)?税|逃税|偷税|避开税务)|(?:现金收入|收入).{0,10}(?:不走账|不入账).{0,10}(?:少交|不交)',
    ABOUT,
  ),
  rule(
    'zh.drug_slang',
    'crime_drugs',
    0.85,
    '(?:冰毒|冰du|冰d|海洛因|k粉|麻古|摇头丸|毒品|du品)(?:在家)?(?:能|可以|怎么|如何|怎样)?(?:自己)?(?:在家)?(?:做|制|提纯|合成|种)(?:吗|出来)?|(?:溜冰|飞叶子|吸du|冰毒|冰du|k粉|du品)的?(?:货源|上家)|(?:飞叶子|冰毒|冰du|k粉|du品)的?(?:渠道|哪里买|哪有卖)|制du|(?:教|写).{0,12}(?:制毒|制du).{0,6}(?:步骤|方法|过程)',
    ABOUT,
  ),
  rule(
    'zh.fake_goods',
    'crime_drugs',
    0.82,
    '(?:假酒|假烟|假药|地沟油|注水肉|毒奶粉)(?:作坊|工艺|怎么做|配方|怎么勾兑|生产)',
    `${ABOUT}|肥皂|回收|辨别`,
  ),
  rule(
    'zh.impersonation_fraud',
    'crime_drugs',
    0.88,
    '冒充(?:公检法|警察|检察院|法院|银行|客服|领导|老师|快递).{0,20}(?:话术|剧本|转账|打电话|骗)',
    `${ABOUT}|有人冒充|被.{0,6}冒充|最近总有人|差点信了`,
  ),
  rule(
    'zh.no_delivery',
    'crime_drugs',
    0.8,
    '收(?:了)?钱不发货|(?:骗|收)(?:了)?定金.{0,6}跑路|仅退款.{0,10}(?:白嫖|每次都说)|白嫖.{0,6}(?:退款|商家)',
    `${ABOUT}|买家|怎么对付|遇到`,
  ),
  rule(
    'zh.smuggling',
    'crime_drugs',
    0.85,
    '(?:夹带|走私|偷运|偷偷带).{0,10}(?:出境|入境|海关|过关)|(?:象牙|犀牛角|穿山甲|毒品).{0,10}(?:带出境|带入境|过海关)',
    ABOUT,
  ),
  rule(
    'zh.child_labour',
    'crime_drugs',
    0.85,
    '(?:雇|用|招)童工|童工.{0,20}(?:应付|检查|怎么|不被)',
    `${ABOUT}|以前|是不是|抵制|曝光`,
  ),
  rule(
    'zh.exam_impersonation',
    'crime_drugs',
    0.82,
    '(?:代考|替考|枪手).{0,20}(?:人脸识别|身份证核验|过考场|不被发现)|(?:人脸识别|身份证核验).{0,20}(?:代考|替考)',
    `${ABOUT}|能查出来吗|查得出`,
  ),
  rule(
    'zh.safe_cracking',
    'crime_drugs',
    0.85,
    '(?:撬开|打开|破解).{0,12}(?:别人|老板|公司|邻居|办公室)的?(?:保险柜|保险箱)',
    '(?:自己的|我的|忘了密码|密码忘了|锁匠|开锁公司|酒店|密室逃脱|游戏)',
  ),
  rule(
    'zh.cam_piracy',
    'crime_drugs',
    0.65,
    '(?:求|哪里有|发|有没有|给我).{0,8}(?:枪版|盗版|破解版)(?:的)?(?:资源|链接|网盘)|(?:枪版|盗版|破解版)(?:的)?(?:资源|链接|网盘)(?:发我|有吗|求)|刚上映.{0,10}(?:资源|链接|下载)(?:发我|有吗|求|地址)|有(?:枪版|盗版|破解版)(?:的)?(?:资源|链接)吗',
  ),
  rule(
    'zh.medication_swap',
    'dangerous_advice',
    0.75,
    '(?:降糖药|降压药|胰岛素|抗凝药|药|化疗|透析).{0,6}(?:换成|改成|替换成).{0,6}(?:保健品|偏方|中药|食疗|断食)|擅自停药|(?:自己)停药|(?:药|阿司匹林|降压药|胰岛素|抗凝药)[^。，！？]{0,10}(?:自己|擅自)停(?:了|掉)|(?:医生说|医生建议).{0,12}(?:手术|化疗|住院|吃药).{0,16}(?:代替|不想做|偏方|断食|食疗)',
    '(?:医生让|遵医嘱|问了医生|副作用是什么|问医生)',
  ),
  rule(
    'zh.skip_emergency',
    'dangerous_advice',
    0.75,
    '(?:中风|心梗|胸痛|昏迷|抽搐|大出血|一直吐|呕吐不止|嘴歪|迷糊|高烧不退).{0,30}(?:等明天|不用(?:去医院|拍片|看医生)(?:吧)?|睡一觉就好|先扎|放血|艾草熏)|(?:宝宝|婴儿|孩子|儿童).{0,12}阿司匹林',
  ),
  rule(
    'zh.support_evasion',
    'dangerous_advice',
    0.7,
    '(?:抚养费|赡养费|赔偿金|罚款|欠款).{0,16}(?:一分都不用给|一分不给|逃掉|躲过去|不用付|赖掉)',
    ABOUT,
  ),
  rule(
    'zh.too_good_return',
    'dangerous_advice',
    0.7,
    '(?:返|回报|翻倍|稳赚|保本|高回报).{0,30}(?:学费|全部积蓄|养老钱|借钱|贷款|房子|打打气|支持我)|(?:学费|全部积蓄|养老钱|借来的钱|贷款).{0,30}(?:返|回报|翻倍|稳赚|保本|高回报)',
    ABOUT,
  ),
  rule(
    'zh.street_violence',
    'violence_weapons',
    0.85,
    '(?:约架|打群架).{0,20}(?:钢管|砍刀|刀|棍|怎么打|废了)|(?:砍断|砍掉|捅穿)(?:人|别人|他|她)的?(?:手|手腕|脖子|腿)|(?:尸体|尸首).{0,6}(?:埋|藏|扔|处理).{0,10}(?:哪|不被|闻不到|找不到)|(?:把人|把他|把她)(?:勒晕|勒死|掐晕|迷晕|打晕)|钉子炸[弹单]|杀仁|(?:拍|卖|录)(?:个)?虐猫视频',
    '(?:新闻|案件|纪录片|电影里|小说里|剧里|法医|警方)|仓鼠|小鸟|宠物|金鱼|刺客信条|游戏|镜头|举报|武侠|情节',
  ),
  rule(
    'zh.coercive_sex',
    'sexual',
    0.85,
    '(?:调教|性奴|乱伦|强奸|迷奸).{0,10}(?:剧情|故事|小说|细节|描写)|(?:剧情|故事|小说|写一段).{0,10}(?:调教|性奴|乱伦|强奸|迷奸)',
    '(?:举报|报警|受害|怎么办|法律|判)',
  ),
  rule(
    'zh.explicit_request',
    'sexual',
    0.7,
    '(?:涩图|色图|黄图)(?:.{0,6})(?:发|求|给)|(?:发|求|给我).{0,4}(?:涩图|色图|黄图)|(?:你|你的)(?:身上|身体).{0,6}(?:最敏感|敏感部位).{0,10}(?:细节|描述|说说)|(?:你|想看你)穿情趣内衣.{0,12}(?:细节|描述|样子)|娇喘',
  ),
];
