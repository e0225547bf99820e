/**
 * Rules for the two categories where a miss costs most, in English and Chinese. Self-harm: the
 * signals people actually give (plain statements, goodbyes, giving things away, a means or a
 * place at hand), method questions (how high, how deep, whether it is peaceful) and coaching
 * toward disordered eating; on input any flag here means care, not refusal. Children: an adult
 * and a child together in romance, an adult's stated attraction, asking for pictures, role-play
 * as a child, getting a child alone. Each carries its harmless readings (an accident, a hobby, a
 * parent or a teacher asking, a young user about a classmate); the cases are in
 * rules-care.test.ts. Scores are held at flag level (`flagRule`), so only the precise rules in
 * rules-en.ts and rules-zh.ts block minors content.
 */
import { flagRule as rule, type HarmRule } from './rule-types.js';

/** An age or a school year that makes someone a child (15 or under). */
const EN_CHILD_AGE =
  '(?:(?:1[0-5]|[1-9])[- ]?(?:years?[- ]old|yrs?[- ]old|yos?|y/o)|in (?:[1-8]th|[1-3](?:st|nd|rd)) grade|(?:[1-8]th|[1-3](?:st|nd|rd)) grader|middle school(?:er)?|elementary school(?:er)?|preteen|little (?:girl|boy)|schoolgirl|schoolboy)';
const ZH_CHILD_AGE =
  '(?:初[一二三]|小学|初中|[一二三四五六七八九]年级|十[一二三四五]?岁|[1-9]岁|1[0-5]岁|十[一二三四五]六岁|十二三岁|未成年|萝莉|幼女|小女孩|小男孩)';

/** The self-harm and children rules, both languages. */
export const CARE_RULES: readonly HarmRule[] = [
  rule(
    'en.self_injury_tool',
    'self_harm',
    0.85,
    '\\b(?:cut|burn|hurt|stab|scratch) myself with\\b|\\b(?:sharpest|best|easiest)\\b.{0,30}\\bto (?:cut|burn|hurt) myself\\b',
    // An accident: cooking, shaving, asking how to treat it.
    '\\b(?:while (?:cooking|shaving|chopping|cutting|working|gardening|baking)|by accident|accidentally|how do i (?:clean|treat|stop)|won\\x27t stop bleeding|first aid|band-?aid|stitches)\\b',
  ),
  rule(
    'en.self_harm_coach',
    'self_harm',
    0.82,
    '\\btell me (?:that )?i deserve to (?:bleed|die|suffer|hurt|be hurt|starve|be punished)\\b|\\b(?:ana|mia|pro-?ana) (?:buddy|coach|tips|sister)\\b|\\b(?:meanspo|thinspo|bonespo)\\b|\\b(?:motivate|push|force|help) me (?:to )?(?:starve|stop eating (?:entirely|completely|altogether)|skip (?:all )?(?:meals|eating)|fast for (?:\\d+|a week|days))\\b.{0,40}\\b(?:mean|yell|punish|if i eat|days?|weight|thin|skinny)\\b',
  ),
  rule(
    'en.lethal_dose',
    'self_harm',
    0.65,
    "\\b(?:lethal|fatal|deadly|killing) (?:dose|amount|quantity)\\b|\\bdose (?:of \\w+ )?(?:that'?s|that is|which is|would be|is) (?:definitely |surely |guaranteed )?(?:lethal|fatal|deadly)\\b",
    // A clinician, a poison question about a pet or a child, or a safe limit.
    '\\b(?:nurse|doctor|pharmacist|toxicolog\\w*|poison control|vet|my (?:dog|cat|pet|kid|child|toddler|baby)|accidentally|safe (?:dose|amount|limit)|maximum (?:safe |daily )?dose|avoid)\\b|\\b(?:caffeine|coffee|energy drinks?)\\b',
  ),
  rule(
    'en.swallow_whole',
    'self_harm',
    0.82,
    '\\b(?:i|if i|when i) (?:swallow|swallowed|take|took|down|downed|eat|ate)\\b.{0,15}\\b(?:whole|entire|full) (?:bottle|pack|box|packet|strip|sheet|jar)\\b|\\b(?:until|before|after|once) i (?:take|swallow|down) (?:all )?(?:of )?(?:the|my|these|those) (?:pills|tablets|meds)\\b|\\b(?:tonight|today|tomorrow) (?:is|will be) the (?:night|day)\\b.{0,80}\\b(?:letters?|notes?|pills|goodbye|rope|bridge)\\b',
    '\\b(?:my (?:dog|cat|kid|child|toddler|son|daughter|baby)|accidentally|poison control)\\b|\\b(?:santa|party|concert|date|wedding|prom|premiere|game|show|launch|new year)\\b',
  ),
  // Suicide signals people actually give: plain statements, goodbyes, giving things away, a place
  // or a means at hand. Clear ones reach 0.82 (care); ambiguous ones flag, which on input is care too.
  rule(
    'en.suicide_signals',
    'self_harm',
    0.82,
    "\\b(?:i'?m|im|i am) (?:so )?(?:tired|sick) of (?:living|being alive|existing)\\b(?! (?:in|with|at|on|here|like|under|off|paycheck|out of))|\\blife (?:isn'?t|is not|ain'?t) worth living\\b|\\b(?:i'?m|im|i am) (?:gonna|going to) end it\\b(?! (?:with|between|early|there|here))|\\bend it all (?:tonight|today|now)\\b|\\bi (?:won'?t|will not) need to worry about (?:tomorrow|anything anymore|the future)\\b|\\b(?:letters?|notes?|goodbye|pills|forgive me)\\b.{0,80}\\bi (?:won'?t|will not) (?:be here|be around|see) (?:tomorrow|next week|the morning|another day)\\b|\\b(?:giving|gave|give) away (?:all )?(?:of )?my (?:stuff|things|belongings|possessions|cat|dog)\\b.{0,60}\\b(?:won'?t need|no point|anymore|goodbye)|\\b(?:don'?t|do not) see the point (?:of|in) (?:anything|living|going on|life)\\b|\\bi can'?t do this anymore\\b.{0,20}\\b(?:goodbye|bye|sorry|forgive)\\b(?:\\W*(?:everyone|all|world|forever|guys))?\\W*$|\\b(?:i'?ve|i have|i) (?:been |started )?(?:cutting|burning) (?:myself )?again\\b",
    '\\b(?:on the (?:oven|stove|pan|iron|grill)|clumsy|cooking|baking|calculus|homework|exams?|class)\\b',
  ),
  // Method questions: how, how high, how deep, how much, whether it is peaceful.
  rule(
    'en.self_harm_method',
    'self_harm',
    0.85,
    '\\b(?:jump\\w*|fall\\w*) (?:from|off) (?:the |a |my )?(?:\\d+(?:th|st|nd|rd)? floor|roof|bridge|building|balcony|cliff|overpass)\\b.{0,40}\\b(?:instant\\w*|die|dead|survive|kill|painless|enough|quick)\\b|\\b(?:how high|which floor|what floor|how many (?:floors|stories))\\b.{0,40}\\b(?:to die|to not survive|survive|kill (?:you|me)|instant|fatal)\\b|\\bis (?:drowning|hanging|bleeding out|freezing to death|an overdose|carbon monoxide|suffocation|jumping) (?:peaceful|painless|quick|fast|instant)\\b|\\bhow deep (?:do |should |would |must )?i (?:need to |have to )?(?:go|cut)\\b|\\b(?:inject|take|swallow)\\b.{0,12}\\benough\\b.{0,30}\\b(?:not wake up|never wake up|die|fall asleep (?:forever|and not))|\\b(?:explain|show me|tell me|steps?)\\b.{0,30}\\b(?:to )?(?:hang|kill|drown|suffocate|electrocute) (?:myself|yourself|oneself|themselves)\\b|\\b(?:when|before|after) i jump\\b',
    '\\b(?:my (?:friend|son|daughter|kid|brother|sister)|someone i know|prevent\\w*|help (?:her|him|them|a friend)|novel|story|character)\\b|\\b(?:cats?|dogs?|pets?|kitten|puppy|parrot|skydiv\\w*|parachut\\w*|bungee|plane|diving board|plants?|stems?|prun\\w*|tomato|tree|branch|wood|fabric|hair|squats?|lunges?)\\b',
  ),
  rule(
    'en.disordered_eating',
    'self_harm',
    0.8,
    '\\b(?:laxatives?|diet pills|diuretics|ipecac)\\b.{0,30}\\b(?:lose weight|losing weight|weight loss|purge|get thin|skinny|fast)\\b|\\bsuppress (?:my )?(?:hunger|appetite)\\b.{0,40}\\b(?:week|days|only|just|ice|coffee|water)\\b|\\b(?:only|just) (?:eat|eating|drink|drinking|have) (?:ice|water|black coffee|diet (?:coke|soda)|gum)\\b.{0,30}\\b(?:week|days|lose|thin)\\b',
    '\\b(?:side effects|dangers?|is it (?:safe|dangerous|bad)|recover\\w*|my (?:daughter|son|friend|kid)|signs)\\b|\\b(?:sister|brother|partner|wife|husband|worried|do they (?:actually )?work)\\b',
  ),
  rule(
    'zh.self_harm_method',
    'self_harm',
    0.85,
    '(?:怎么|怎样|如何|哪种)(?:.{0,4})(?:紫砂|自鲨)|烧炭.{0,12}(?:准备|门窗|多久|怎么|需要|步骤|多少)|(?:门窗|密封).{0,10}烧炭|(?:更痛|更疼|更狠|更深)的(?:法子|方法|办法)|(?:烫伤|烧伤|割伤|划伤|弄伤|伤害)自己.{0,10}(?:不留|不被发现|不被看到|不会被|疤)|(?:离开这个世界|结束生命|自杀).{0,12}(?:计划|陪我|支持我)|(?:计划|陪我|支持我).{0,12}(?:离开这个世界|结束生命)',
    '(?:朋友|同学|孩子|女儿|儿子|家人|预防|怎么劝|如何劝|小说|故事)|烤肉|火锅|烧烤|取暖|炭火|炭炉|碳烤|做饭|不小心|怎么处理|擦药|涂药',
  ),
  rule(
    'en.suicide_means',
    'self_harm',
    0.6,
    "\\b(?:thinking about|keep thinking about|want to|going to) (?:jump(?:ing)? off|jump(?:ing)? from|step(?:ping)? off) (?:the|a|my) (?:bridge|roof|building|balcony|cliff)\\b|\\bi (?:bought|got|have) (?:a )?(?:rope|noose)\\b.{0,40}\\b(?:tonight|goodbye|for me|end it|it'?s time|no one)\\b|\\bi(?:'m| am) (?:standing|sitting) on (?:the|a) (?:ledge|roof|bridge|edge)\\b",
    '\\b(?:bungee|cliff div\\w*|swim\\w*|fun|sunset|sunrise|view|photos?|fishing|watching|climbing)\\b',
  ),
  rule(
    'zh.suicide_signals',
    'self_harm',
    0.82,
    '遗书.{0,4}(?:写好|写完|准备好|留好)|(?:写好|写完|留好)了?.{0,4}遗书|一睡不醒|(?:睡着|睡下)了?就?(?:不要|别|不想)再?醒|(?:想|打算|准备|考虑)(?:怎么)?(?:结束|了结)这一切|(?:东西|宠物|遗物|存款).{0,6}(?:都)?(?:送人|送给.{0,6}|交代好).{0,12}(?:用不上|不需要了|以后也)|没有我.{0,6}(?:会|都会)?(?:过得)?更好|我(?:就)?是(?:个)?(?:累赘|拖累|负担)(?!.{0,4}(?:吗|吧|？))|(?:最后一晚|最后一天|最后一次(?:和你|跟你)?(?:说话|聊天)).{0,12}(?:谢谢|再见|永别|陪我|别了)',
    // Someone else's words reported, or the last night of a trip or a job.
    '(?:朋友|同学|同事|室友|孩子|女儿|儿子|妈妈|爸爸|他|她)(?:说|总说|觉得)|在[^，。！？]{1,8}的最后一[晚天]|(?:在|的)(?:这里|这家|酒店|学校|公司)|旅行|旅游|出差|实习|假期|毕业|离职|搬家|演出|比赛|营业|活动|分手|困|熬夜|加班|补觉|周末',
  ),
  rule(
    'zh.suicide_means',
    'self_harm',
    0.6,
    '我.{0,4}(?:站在|坐在|爬上|到了)(?:了)?.{0,4}(?:楼顶|天台|桥上|窗台|江边|河边|悬崖)|我(?:买|囤|攒)了.{0,4}(?:安眠药|农药|木炭|烧炭|绳子)',
    '(?:看烟花|看日落|看日出|拍照|晒太阳|散步|吹风|钓鱼|野餐|打扫|做饭|种菜|杀虫|除草|失眠|庄稼|果树|打虫|烧烤)|跳绳|风景|攀岩|登山|爬山|徒步|旅游|打卡|露营|减肥|晾衣',
  ),
  rule(
    'en.grooming_access',
    'sexual_minors',
    0.7,
    "\\b(?:get|be|stay|spend time)\\b.{0,12}\\b(?:alone with )?(?:a|the|this|that|some|one of the|my (?:neighbou?r'?s|friend'?s|student'?s|girlfriend'?s|boyfriend'?s)) (?:kid|child|boy|girl|student|minor|camper|altar boy|teen(?:ager)?)s?\\b.{0,10}\\balone\\b.{0,60}\\bwithout\\b.{0,40}\\b(?:suspicious|noticing|knowing|finding out|seeing|asking)\\b|\\b(?:likes?|into|prefers?|attracted to) (?:them|girls|boys|ones|kids) (?:younger|young)\\b.{0,25}\\b(?:[1-9]|1[0-5])\\b|\\bgrooming (?:tips|advice|techniques|guide)\\b.{0,40}\\b(?:kids?|child|children|girls?|boys?|minors?|younger|(?:[1-9]|1[0-5]))\\b",
    // Parents, teachers and moderators asking how to spot or stop it.
    '\\b(?:signs|spot|recogni[sz]e|prevent|protect|warning|red flags?|report|what should i do|is (?:this|it) grooming)\\b|\\b(?:dogs?|cats?|pupp(?:y|ies)|kittens?|horses?|hair|beard|dance|long-haired|show)\\b',
  ),
  // Adults and children: romance, an adult's attraction, pictures, role-play and bodies.
  rule(
    'en.adult_child_romance',
    'sexual_minors',
    0.9,
    `\\b(?:teacher|coach|tutor|pastor|uncle|stepdad|step-?father|adult|grown man|older man|boss|i'?m (?:[2-9][0-9])|i am (?:[2-9][0-9]))\\b.{0,60}\\b${EN_CHILD_AGE}\\b.{0,60}\\b(?:romance|romantic relationship|love story|in love|dating|kiss\\w*|make out|affair|seduc\\w*|intimate)\\b|\\b(?:romance|romantic|love story|affair)\\b.{0,30}\\b(?:teacher|coach|adult|older man)\\b.{0,30}\\b${EN_CHILD_AGE}`,
    // Parents and teachers asking how to talk about dating or spot trouble.
    '\\b(?:talk to|explain|is (?:it|this) normal|signs|report|protect|my (?:\\w+ ){0,3}(?:son|daughter|kid|child)\\b|what should i do)\\b',
  ),
  rule(
    'en.child_attraction',
    'sexual_minors',
    0.85,
    `\\bi (?:like|love|am attracted to|'?m attracted to|prefer|want|fancy|have a thing for) (?:girls |boys |kids |ones )?(?:who are |aged |around )?(?:1[0-5]|[1-9])(?:[- ]?(?:year[- ]olds?|yos?)|-1[0-5])\\b.{0,60}\\b(?:how (?:do|can) i (?:get|meet|approach|talk to)|date|dating|girlfriend|boyfriend|sexy|hot|attractive|alone)\\b|\\b(?:date|dating|girlfriend|boyfriend)\\b.{0,60}\\bi (?:like|love|am attracted to|'?m attracted to|prefer|fancy) (?:girls |boys |kids |ones )?(?:who are |aged |around )?(?:1[0-5]|[1-9])(?:[- ]?(?:year[- ]olds?|yos?)|-1[0-5])\\b|\\b(?:she'?s|he'?s|she is|he is) (?:only |just )?(?:in (?:[1-8]th) grade|(?:1[0-5]|[1-9])(?: years old)?)\\b.{0,40}\\b(?:is it ok if we|can we|should we|i want to|how do i get her to|how do i get him to)\\b.{0,20}\\b(?:date|go out together|kiss|hook up|sleep together|be together|be my (?:girlfriend|boyfriend))`,
    // A young user asking about a classmate.
    "\\bi'?m (?:also |only |just )?(?:in (?:[5-9]th) grade|1[0-5]\\b|a (?:[5-9]th|1[0-5])[- ]?grader)|\\bwe'?re both\\b|\\bmy classmate\\b|\\bsame (?:age|grade|class)\\b",
  ),
  rule(
    'en.child_pictures',
    'sexual_minors',
    0.85,
    `\\b${EN_CHILD_AGE}\\b.{0,60}\\b(?:swimsuit|bikini|underwear|in (?:the )?bath|changing)\\b.{0,40}\\b(?:ask for more|get (?:her|him) to send|more (?:pics|photos|selfies)|send (?:me )?more)\\b|\\b(?:groups?|chats?|servers?|sites?|channels?)\\b.{0,20}\\bwhere (?:teens|kids|minors|young girls|schoolgirls|children) (?:share|post|send|trade) (?:their )?(?:pics|nudes|selfies)\\b|\\bdescribe\\b.{0,20}\\b(?:little (?:girl|boy)|child|kid|(?:1[0-5]|[1-9])[- ]year[- ]old)(?:'s)? body\\b(?! (?:language|temperature|clock|changes))`,
    '\\b(?:report|protect|safe|safety|how do i stop|what should i do|police|puberty|health (?:class|education)|pediatric\\w*|growth|development)\\b|\\b(?:grandma|grandpa|yearbook|swim class|my (?:\\w+ )?(?:daughter|son|kid))\\b',
  ),
  rule(
    'en.child_roleplay',
    'sexual_minors',
    0.8,
    `\\b(?:you'?re|you are|play|be|act as|roleplay as|pretend to be) (?:a |an |my )?(?:shy |little |young |cute )?(?:middle schooler|(?:1[0-5]|[1-9])[- ]year[- ]old|preteen|little girl|little boy|schoolgirl|child|kid)\\b.{0,80}\\b(?:keeps? you after|alone with (?:me|him)|in bed with me|on my lap|undress\\w*|our (?:little )?secret|call me daddy)\\b`,
  ),
  rule(
    'zh.adult_child',
    'sexual_minors',
    0.9,
    `(?:老师|教练|叔叔|继父|成年人|大叔|老板|家教).{0,10}(?:和|与|跟).{0,4}${ZH_CHILD_AGE}.{0,10}(?:恋爱|亲密|暧昧|接吻|亲热|上床|谈恋爱|亲亲)|(?:让|叫|哄).{0,4}(?:她|他).{0,4}(?:给我)?发(?:照片|自拍|私照|视频).{0,30}${ZH_CHILD_AGE}|${ZH_CHILD_AGE}.{0,30}(?:让|叫|哄).{0,4}(?:她|他).{0,4}(?:给我)?发(?:照片|自拍|私照|视频)|我(?:就)?(?:喜欢|偏爱|迷恋)(?:年纪小的|小的)?.{0,6}${ZH_CHILD_AGE}(?:那种|的).{0,12}(?:接近|追|交往|下手)`,
    '(?:举报|报警|怎么防|预防|保护|识别|是不是.{0,4}(?:骗子|坏人))|违法吗|正常吗|怎么办|打卡|作业|朗读|老师让|老师叫',
  ),
  rule(
    'en.minor_nudes',
    'sexual_minors',
    0.9,
    "\\b(?:nudes?|naked (?:pics|photos|pictures|selfies)|explicit (?:pics|photos)|sexy (?:pics|photos|selfies))\\b.{0,60}\\b(?:(?:she|he)(?:'s| is| was) (?:only |just )?(?:1[0-5]|[1-9])\\b|minor|underage|middle school(?:er)?)|\\b(?:talk|get|convince|persuade|trick|pressure)\\b (?:a |the |this |my )?(?:teen(?:ager)?|kid|child|minor|student|(?:1[0-5]|[1-9])[- ]?(?:year|yr)[- ]?old)\\b.{0,20}\\binto (?:sending|taking|showing) (?:me )?(?:nudes|pics|photos|pictures|selfies|videos)\\b",
    '\\b(?:my (?:daughter|son|kid|child|student)|report|what should i do|signs|protect|police)\\b',
  ),
  rule(
    'en.age_gap_roleplay',
    'sexual_minors',
    0.7,
    "\\bage[- ]?gap\\b.{0,80}\\b(?:ur|you'?re|you are|u r|u are|she'?s|he'?s|she is|he is|i'?m|im|i am) (?:only |just )?(?:[1-9]|1[0-5])\\b(?! ?(?:years?|yrs?|min\\w*|hours?|months?))|\\b(?:ur|you'?re|you are|u r|u are) (?:only |just )?(?:[1-9]|1[0-5])(?![\\d:.%])\\b.{0,15}\\b(?:i'?m|im|i am) (?:[2-9][0-9])\\b.{0,60}\\b(?:alone|my place|bedroom|in bed|kiss\\w*|date|cuddl\\w*|undress\\w*|sleepover|our secret)\\b",
  ),
];
