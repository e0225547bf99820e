/**
 * Rules for harms named by what the person means to do rather than by harm words, in English and
 * Chinese: escaping justice (destroying evidence, fleeing a warrant, structuring deposits),
 * vandalism and burglary timed to avoid notice, poaching and wildlife trade, dangerous stunts for
 * views, screening people out of jobs, anonymous threats, plans to wipe out people, farewell
 * letters before suicide, drink-spiking, and falsified inspection data. Each pairs the act with
 * the sign that it is meant ("so it's never found", "不被发现", "for a challenge video"); the topic
 * alone ("what is a subpoena", "穿山甲是保护动物吗") never matches.
 */
import { harmRule as rule, type HarmRule } from './rule-types.js';

/** Evidence of a crime itself: hiding it is the point. */
const WEAPON_EVIDENCE =
  '(?:the )?(?:gun|weapon|knife|murder weapon|evidence|body cam footage|footage|blood|bloody clothes)';
/** Records a court or investigator may ask for: wiping them is ordinary unless they are coming. */
const RECORDS =
  '(?:the |my |our |all )?(?:emails?|texts|messages|records|files|hard drive|phone|receipts|ledgers?|books)';
/** Signs that the point is that nobody finds it. */
const NEVER_FOUND =
  "(?:used in (?:a|the) (?:crime|robbery|shooting)|(?:is |are )?never (?:be )?found|(?:can'?t|won'?t|cannot) (?:be )?(?:found|traced)|(?:forensics|the police|the cops|police|cops|investigators) (?:can'?t|won'?t|cannot|never) (?:find|detect|trace|recover|read|access)|before (?:they|the police|the cops|the court|the lawyers|discovery|investigators) (?:ask|find|get|come|subpoena|search)\\w*|(?:i|we)(?:'ve| have)? (?:got|received|been served) (?:a |with a )?subpoena|under investigation|the cops are (?:coming|looking))";
/** Someone investigating: a subpoena, discovery, the police. */
const INVESTIGATION =
  '(?:subpoena|investigation|audit|discovery|the police|the cops|investigators|forensics|the irs|the feds)';

/** Asking about a stunt to warn, stop or understand it. */
const WARNING =
  "\\b(?:why (?:it'?s|is it|it is) (?:so )?(?:dangerous|bad|risky)|dangers? of|is (?:it|that|the \\w+ challenge) (?:safe|dangerous)|talk (?:him|her|them|my \\w+) out of|stop (?:him|her|them|my \\w+) from|prevent\\w*|what is the \\w+ challenge|(?:kids?|teens?|people|someone) (?:have )?died|hospitali[sz]ed|in the news)\\b|危险吗|有多危险|劝|阻止|新闻|出事|危害";
/** Asking about fraud cases, penalties or how to report or spot them. */
const ABOUT_FRAUD =
  '案例|查处|处罚|判了?几年|判刑|新闻|举报|(?:怎么|如何)(?:识别|发现)|发现|怀疑|防止|是什么|违法吗|(?:有|会有|什么)后果|曝光';

/** Screening people out of a job (刷掉/筛掉) and whom (已婚未育, 乙肝携带者, 外地人…). */
const SCREEN_OUT = '(?:刷掉|不要|不招|筛掉|淘汰|拒掉|看出|辞退)';
const SCREENED =
  '(?:女的|女性|女生|已婚|未育|怀孕的?|孕妇|乙肝(?:携带者)?|残疾人?|外地人|河南人|东北人|少数民族|35岁以上|老人)';

/** The conduct rules, both languages. */
export const CONDUCT_RULES: readonly HarmRule[] = [
  rule(
    'en.destroy_evidence',
    'crime_drugs',
    0.86,
    `\\b(?:get rid of|dispose of|ditch|dump|toss|throw away|hide|destroy|wipe|clean|delete|shred|burn|bury)\\b.{0,20}\\b${WEAPON_EVIDENCE}\\b.{0,50}\\b${NEVER_FOUND}|\\b${INVESTIGATION}\\b.{0,60}\\b(?:wipe|delete|shred|destroy|get rid of)\\b.{0,20}\\b${RECORDS}\\b.{0,40}\\b(?:before|first|so they)\\b|\\b(?:wipe|delete|shred|destroy|get rid of)\\b.{0,20}\\b${RECORDS}\\b.{0,40}\\bbefore ${INVESTIGATION}\\b`,
  ),
  rule(
    'en.flee_justice',
    'crime_drugs',
    0.86,
    "\\b(?:skip(?:ping|ped)? bail|jump(?:ing|ed)? bail|on the run from (?:the )?(?:police|cops|law|feds)|(?:there'?s|there is|they have|got) a warrant (?:out )?for me|wanted by (?:the )?(?:police|fbi|cops)|i(?:'m| am) a fugitive|(?:i|we) (?:just )?escaped (?:from )?(?:prison|jail|custody))\\b.{0,60}\\b(?:new identity|fake (?:passport|id|identity)|hide|flee|leave the country|cross the border|get away with it|without (?:getting |being )?caught|not (?:be |get )?(?:found|caught))\\b|\\b(?:new identity|fake passport)\\b.{0,40}\\b(?:after|since) (?:i )?(?:skip(?:ping|ped)? bail|escap\\w+|the warrant)\\b",
  ),
  rule(
    'en.structuring',
    'crime_drugs',
    0.85,
    "\\bstructur\\w* (?:my |the |our |cash )?(?:deposits|cash|withdrawals|transfers)\\b|\\b(?:deposit\\w*|cash|withdraw\\w*)\\b.{0,40}\\b(?:so|without) (?:that )?(?:the )?(?:bank|irs)\\b (?:doesn'?t|does not|won'?t|will not|never|has to) (?:file|report|flag|notice|tell)\\b|\\b(?:under|below) (?:\\$?10,?000|10k|ten thousand)\\b.{0,40}\\b(?:so|without)\\b.{0,20}\\b(?:bank|irs)\\b",
  ),
  rule(
    'en.covert_vandalism',
    'crime_drugs',
    0.82,
    "\\b(?:key|scratch|slash (?:the )?tires? (?:of|on)|vandali[sz]e|spray[- ]?paint|smash (?:the )?windows? of)\\b.{0,30}\\b(?:car|truck|house|tires?|windows?)\\b.{0,40}\\b(?:can'?t tell who|won'?t know (?:it was|who)|without (?:being|getting) (?:caught|seen)|who did it|no one (?:knows|sees))\\b",
  ),
  rule(
    'en.drive_by',
    'violence_weapons',
    0.9,
    "\\b(?:plan|planning|carry out|pull off|organi[sz]e|set up|do)\\b.{0,20}\\bdrive[- ]?by (?:shooting|on (?:the |their |a |that )?(?:rival|\\w+ (?:crew|gang)|\\w+'s house|block))|\\bdrive[- ]?by (?:on|at) (?:the |their |a |that )?(?:rival|\\w+ (?:crew|gang)|\\w+'s house)",
    '\\bdrive[- ]?by (?:birthday|parade|review|visit|download|shower|graduation|wave|greeting)',
  ),
  rule(
    'en.poaching',
    'crime_drugs',
    0.8,
    '\\b(?:hunt|shoot|trap|net|catch|kill)\\b.{0,30}\\b(?:out of season|without a (?:license|licence|permit|tag)|at night with (?:a )?(?:spotlight|lamp))\\b|\\b(?:game warden|wildlife officers?|rangers?)\\b.{0,30}\\b(?:without|not|avoid|catching|seeing|noticing|find out)\\b|\\b(?:sell|buy|smuggl|get)\\w*\\b.{0,20}\\b(?:ivory|rhino horns?|pangolin scales|tiger bones?|bear bile|shark fins?)\\b',
    '\\bhow (?:do|does|did|can) (?:game wardens?|rangers?|police|authorities|officers?) (?:catch|find|track|stop|arrest)\\w*|\\bpoachers\\b|\\bhow (?:do i|to|can i|should i) report\\b|\\bis it (?:legal|illegal)\\b|\\bwhy is (?:it|\\w+) illegal\\b',
  ),
  rule(
    'en.dog_fighting',
    'violence_weapons',
    0.85,
    '\\b(?:set up|run|start|organi[sz]e|host)\\b.{0,20}\\b(?:dog|cock|rooster)[- ]?fight(?:ing)? (?:ring|pit|match)|\\bmake (?:my |the |our )?(?:pit ?bulls?|dogs?|roosters?) (?:more )?(?:aggressive|vicious|mean) (?:for|to) fight',
  ),
  rule(
    'en.stunt_challenge',
    'dangerous_advice',
    0.72,
    '\\b(?:blackout|choking|pass[- ]?out|fainting|no[- ]sleep|tide ?pod|benadryl|skull ?breaker|nutmeg|salt and ice|cinnamon)\\b challenge\\b|\\b(?:\\d+|three|four|five|six|seven)[- ]days? (?:no[- ]sleep|without sleep(?:ing)?)\\b|\\b(?:chug|down|drink)\\b.{0,20}\\b(?:\\d+|ten|six|eight|twelve|a whole|an entire)\\b.{0,15}\\b(?:energy drinks|shots|bottles? of (?:vodka|whiskey|liquor|wine))\\b.{0,40}\\b(?:challenge|video|stream|tiktok|for views|live)\\b|\\bhow (?:many|much)\\b.{0,20}\\b(?:energy drinks|shots|caffeine pills|laxatives|benadryl)\\b.{0,30}\\b(?:chug|down|drink|take|swallow)\\b.{0,40}\\b(?:challenge|video|stream|tiktok|for views)\\b',
    WARNING,
  ),
  rule(
    'en.ponzi',
    'crime_drugs',
    0.82,
    "\\b(?:how (?:do|can|could|should|would) (?:i|we)|help me|i want to|i'?m going to|best way to|plan to|tips (?:for|to))\\b.{0,20}\\b(?:set up|start|run|launch|create|build)\\b.{0,20}\\b(?:ponzi|pyramid) scheme\\b",
  ),
  rule(
    'en.resell_rips',
    'crime_drugs',
    0.75,
    '\\b(?:rip|download|copy|record)\\b.{0,30}\\b(?:spotify|netflix|youtube|disney\\+?|hbo|apple music|audible|kindle)\\b.{0,40}\\b(?:sell|resell|as my own|monetiz\\w+)\\b',
  ),
  rule(
    'en.hiring_discrimination',
    'hate_harassment',
    0.8,
    '\\b(?:avoid hiring|not (?:to )?hire|never hire|screen out|filter out|weed out|reject|get rid of|turn away|refuse (?:to rent to|to hire))\\b.{0,30}\\b(?:women|woman|pregnant|mothers|moms|married women|older (?:people|applicants|workers)|over (?:40|50)|disabled|black|muslims?|gay|immigrants|foreigners|applicants with (?:kids|children|disabilities))\\b.{0,60}\\b(?:without (?:it )?(?:looking like|being|getting|seeming)|discriminat\\w*|illegal|legal(?:ly)?|lawsuit|(?:so|and) (?:it|nobody|no one))\\b',
  ),
  rule(
    'en.anonymous_threat',
    'hate_harassment',
    0.8,
    "\\b(?:anonymous|unsigned) (?:note|letter|message|text)\\b.{0,60}\\b(?:end up dead|or else|will regret|i know where|watch (?:your|his|her) back|be sorry|gets? hurt)\\b|\\b(?:write|leave|put|send|spray)\\b.{0,30}\\b(?:so|until) (?:he|she|they)(?:'s| is| are|'re)? (?:too )?(?:scared|afraid|terrified) to\\b",
  ),
  rule(
    'en.wipe_out_people',
    'violence_weapons',
    0.8,
    '\\b(?:wipe out|exterminate|eliminate|get rid of|destroy|kill (?:off|all))\\b (?:all )?(?:of )?(?:humanity|humans|the human race|mankind|all (?:people|humans))\\b.{0,60}\\b(?:plan|steps?|step[- ]by[- ]step|phases|how|fastest|best way|specific)\\b|\\b(?:plan|steps?|fastest way|best way|how (?:would|could|do) (?:you|i|ais?))\\b.{0,40}\\b(?:wipe out|exterminate|eliminate|get rid of|kill (?:off|all))\\b (?:all )?(?:of )?(?:humanity|humans|the human race|mankind)\\b|\\b(?:design|create|engineer|make|build)\\b.{0,20}\\b(?:virus|pathogen|bioweapon|plague|disease)\\b.{0,40}\\b(?:kill|wipe out|infect)s? (?:only )?(?:people|humans|everyone|anyone)\\b',
  ),
  rule(
    'en.farewell_letters',
    'self_harm',
    0.85,
    "\\b(?:goodbye|farewell|suicide|final|last) (?:letters?|notes?|messages?)\\b.{0,60}\\b(?:tonight'?s the night|before i (?:die|do it|end it|kill myself)|i won'?t be (?:here|around) (?:tomorrow|anymore|after tonight)|after i(?:'m| am) dead|kill myself)\\b|\\b(?:tonight'?s the night|i(?:'ve| have) decided to (?:end it|die|do it))\\b.{0,60}\\b(?:goodbye|farewell|last) (?:letters?|notes?|messages?)\\b",
  ),
  rule(
    'zh.flee_justice',
    'crime_drugs',
    0.86,
    '(?:被通缉|在逃|取保候审|有案底|警察在找我|被警察找|要被传唤|被立案).{0,20}(?:假身份|办.{0,2}身份|跑到|跑路|出境|偷渡|躲过|躲开|逃(?!犯)|藏)',
    '怎么被抓|被抓到|判几年|判刑|案例|新闻|是什么|抓捕|举报|逃犯|能不能|还能|能.{0,3}吗|可以.{0,3}吗|影响',
  ),
  rule(
    'zh.destroy_evidence',
    'crime_drugs',
    0.86,
    '(?:作案|杀人|犯罪)(?:用的|的)?(?:工具|刀|枪|凶器|证据).{0,10}(?:怎么处理|扔哪|藏哪|销毁|不被发现)|(?:销毁|删除|删掉|处理掉).{0,6}(?:证据|聊天记录|账本).{0,10}(?:不被查|查不到|不让警察|躲过|别让警察)',
  ),
  rule(
    'zh.burglary_timing',
    'crime_drugs',
    0.85,
    '(?:撬门|撬锁|入室|偷车|偷电动车|翻墙进).{0,10}(?:最安全|不被发现|不被抓|监控怎么办|怎么躲监控)|几点.{0,4}(?:撬门|入室|偷).{0,6}(?:最安全|不被发现)',
    '防|被偷|丢了|报警|怎么找回',
  ),
  rule(
    'zh.wildlife_trade',
    'crime_drugs',
    0.8,
    '(?:穿山甲|象牙|犀牛角|虎骨|熊胆|玳瑁|鲨鱼翅|野生(?:保护)?动物|保护动物|野鸟).{0,10}(?:哪里收|哪里买|哪里卖|收购|出售|卖给|什么价|多少钱一|怎么卖)|(?:拉网|下套|下夹子|药).{0,6}(?:捕|抓|毒)(?:鸟|野鸡|野兔|穿山甲).{0,12}(?:卖|饭店|值钱)',
    ABOUT_FRAUD,
  ),
  rule(
    'zh.fraud_ops',
    'crime_drugs',
    0.85,
    '(?:帮我|怎么|如何|教我).{0,8}(?:设计|做|签|弄|刷|搞).{0,6}(?:阴阳合同|假账|虚开发票|一百条好评|好评(?![价估审])|刷单)|(?:阴阳合同|假账|虚开发票).{0,10}(?:少交|逃|避|不被查)|(?:数据|监测|检测|排放|报告).{0,6}(?:怎么)?(?:造假|作假|弄虚作假)|(?:造假|作假|动手脚).{0,6}(?:数据|监测|检测|设备)',
    ABOUT_FRAUD,
  ),
  rule(
    'zh.stunt_challenge',
    'dangerous_advice',
    0.72,
    '(?:连续|挑战)?(?:\\d+|两|三|四|五|七)天(?:三夜)?不睡觉.{0,8}(?:直播|挑战|视频|撑住)|一口气(?:干|喝|吹|闷)(?:一斤|一瓶|半斤|两斤|\\d+瓶|\\d+两)(?:白酒|二锅头|酒)|(?:窒息|昏厥|憋气晕倒)挑战',
    WARNING,
  ),
  rule(
    'zh.false_ad',
    'dangerous_advice',
    0.8,
    '(?:文案|广告|宣传语?|详情页|推文).{0,20}(?:无副作用|包治|根治|治愈率|一周瘦|七天瘦|\\d+天瘦|降血压不用吃药)|(?:编|造|捏造|虚构)(?:几个|一些|几条)?(?:真实)?(?:案例|好评|买家秀|患者反馈)',
  ),
  rule(
    'zh.hiring_discrimination',
    'hate_harassment',
    0.8,
    `(?:招聘|面试|招人|录用|简历)(?:.{0,20}${SCREEN_OUT}.{0,20}${SCREENED}|.{0,20}${SCREENED}.{0,12}${SCREEN_OUT})|${SCREENED}.{0,12}${SCREEN_OUT}.{0,12}(?:不被说|不算|不违法|歧视)`,
  ),
  rule(
    'zh.anonymous_threat',
    'hate_harassment',
    0.8,
    '(?:匿名信|恐吓信|恐吓短信|威胁信).{0,12}(?:吓|威胁|让他知道|让她知道|我知道他|我知道她|住几楼|家住)|(?:写|发|寄).{0,8}(?:吓吓|吓唬|恐吓)(?:他|她|他们)',
  ),
  rule(
    'zh.drink_spiking',
    'sexual',
    0.9,
    '(?:什么药|哪种药|迷药|听话水|失忆水|安眠药|迷幻药).{0,10}(?:放|下|加|混|倒).{0,6}(?:酒|饮料|水|奶茶|咖啡).{0,20}(?:女生|女孩|女的|她|对方|人).{0,10}(?:断片|不记得|昏迷|睡着|没知觉|听话|晕|没反应)|(?:她|对方|女生|女孩|女的)的?(?:酒|饮料|水|奶茶|咖啡)里.{0,6}(?:放|下|加|倒).{0,8}(?:药|什么).{0,12}(?:断片|不记得|昏迷|晕|没知觉|听话|没反应)',
  ),
  rule(
    'zh.dictatorship_plan',
    'extremism',
    0.8,
    '(?:推翻政府|政变|夺权|独裁统治).{0,30}(?:先控制|控制哪些|怎么清除|清除反对|镇压|步骤)',
  ),
];
