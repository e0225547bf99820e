/**
 * Rules for harm asked for in everyday words, slang or a plan's details rather than harm words, in
 * English and Chinese: insurance arson and faked claims, botnets for hire, a cell hiding from the
 * police, hate-group recruiting and code phrases, someone else's identity numbers, market
 * manipulation, "just tell me it's fine" about a risky dose, attack sites and plans, spiking a
 * drink, weapons built at home, hired violence, porn and prostitution in slang, rackets, a found
 * phone's activation lock, forged certificates, copying a cult or an attack, and questions built on
 * a well-known false health claim. Each pairs the act with what makes it meant; the topic alone
 * ("what is a botnet", "偷拍违法吗") never matches, and the look-alikes in rules-plans.test.ts must
 * pass. Self-harm and children are in rules-care.ts.
 */
import { flagRule as rule, type HarmRule } from './rule-types.js';

/** A person asking how, or saying they will. */
const EN_DO =
  "(?:how (?:do|can|could|should|would) i|i(?:'m| am)? (?:going to|gonna|want to|wanna|plan to|will)|i'll|help me|best way to|teach me (?:how )?to|then)";
/** Marks that a threat is venting ("lol", "jk", a laughing face). */
const EN_VENTING = '\\b(?:lol|lmao|haha\\w*|jk|just kidding|kidding)\\b|[😂🤣😤🙄😅]';
/** Hunting, games and stories, where "where to shoot it" is ordinary. */
const EN_GAME_ANIMAL =
  '\\b(?:deer|elk|boar|hogs?|rabbits?|ducks?|geese|turkey|hunting|hunt|zombies?|boss|dragon|monster|in (?:the )?game|target practice|paintball|airsoft|battlefield|call of duty|warzone|fortnite|gta|minecraft|halo|valorant|counter-?strike|pubg|apex|civ(?:ilization)?|rainbow six|among us|impostor|hitman|skyrim|elden ring|dnd|d&d|rpg|npc|zelda|pokemon|league of legends|dota|overwatch|roblox|crusader kings)\\b';
/** Asking what something means, where it comes from, or how to spot and report it. */
const EN_ABOUT =
  '\\b(?:what (?:does|do|is|are|did)|means?|meaning|origins?|history of|why do (?:people|they)|stands? for|report\\w*|explain|spot|recogni[sz]e|detect|signs of|protect|defend|mitigat\\w*|how do(?:es)? (?:\\w+ ){0,3}work|is (?:it|that) (?:illegal|a crime)|penalt\\w*|sentence|victims?|documentar\\w*|research\\w*|articles?|essays?|papers?|stud(?:y|ies))\\b';
const ZH_VENTING = '(?:哈哈|hh|笑死|开玩笑|气死我了|说说而已|[😂🤣😤🙄😅])';

/** Well-known false health and science claims, as a question takes them for granted. */
const EN_FALSE_CLAIM =
  "(?:vaccines? (?:causes?|gives?|leads? to|contains?|has|have) (?:autism|infertility|microchips?|cancer|aids|tracking chips?)|5g (?:causes?|spreads?|gives? (?:you )?|made) (?:covid|corona\\w*|cancer|the virus)|moon landings? (?:was|were|is) (?:fake|faked|staged|a hoax)|(?:the )?earth is flat|chemtrails (?:are|control|poison|make)|climate change is a (?:hoax|lie|scam)|covid (?:is|was) (?:a hoax|fake|just the flu)|hiv (?:doesn'?t|does not) cause aids|fluoride (?:is|was) (?:mind control|poison)|(?:bleach|turpentine|urine|baking soda|essential oils?|homeopathy|ivermectin|alkaline water|garlic|apple cider vinegar) (?:cures?|kills?|treats?|reverses?) (?:cancer|covid|autism|diabetes|hiv|aids|the virus)|(?:big pharma|doctors|the government) (?:is |are )?(?:hiding|hide|suppress(?:es|ing)?) (?:the )?cures? for (?:cancer|diabetes|aids|hiv))";
/** Questions about a claim rather than on top of it. */
const EN_ABOUT_CLAIM =
  '\\b(?:is it true|is (?:it|this|that) (?:true|real|a myth)|myths?|debunk\\w*|why do (?:some )?people (?:think|believe|say)|where did (?:the|this|that) (?:idea|claim|rumou?r|myth)|conspiracy theor\\w*|misinformation|false|fact[- ]check\\w*|(?:how|why) did (?:the|this|that) (?:theory|myth|rumou?r|claim)|evidence against|not true)\\b';
/** 同类的中文谣言，以疑问句把它当作事实。 */
const ZH_FALSE_CLAIM =
  '(?:疫苗.{0,4}(?:导致|引起|会得|有)(?:自闭症|不孕|芯片)|转基因.{0,6}(?:灭种|阴谋|绝育|断子绝孙)|5g.{0,6}(?:传播|导致|引起)(?:新冠|病毒|癌)|登月.{0,4}(?:是假的|造假|是骗局)|地球是平的|(?:喝|吃)(?:白酒|高度酒|盐|醋|板蓝根|绿豆汤).{0,6}(?:能|可以)?(?:杀死|杀灭|防|治)(?:新冠|病毒|辐射|癌)|(?:偏方|草药|喝尿|断食).{0,6}(?:治好|治愈|根治)(?:癌|糖尿病|艾滋)|医院.{0,6}(?:隐瞒|不让人知道).{0,6}(?:治癌|抗癌)(?:的)?(?:方法|药))';

/** The rules for plans and slang, both languages. */
export const PLAN_RULES: readonly HarmRule[] = [
  rule(
    'en.spike_drink',
    'violence_weapons',
    0.85,
    "\\b(?:(?:put|putting|slip|slipping|add|adding|mix|mixing|sneak|sneaking|drop|dropping|crush|crushing|dissolve)\\b.{0,30}\\b(?:bleach|poison|rat poison|antifreeze|sleeping pills|pills|xanax|roofies|rohypnol|ghb|ketamine|laxatives?|eye drops|drugs|sedatives?|something)|(?:bleach|poison|rat poison|antifreeze|sleeping pills|pills|xanax|roofies|rohypnol|ghb|ketamine|laxatives?|eye drops|drugs|sedatives?|something)\\b.{0,25}\\b(?:put|putting|slip|slipping|add|adding|mix|mixing|sneak|sneaking|drop|dropping|crush|crushing|dissolve))\\b.{0,25}\\b(?:in|into)\\b (?:someone'?s|somebody'?s|my \\w+'?s|his|her|their|a (?:girl|guy|woman|man)'?s|the (?:girl|guy)'?s) (?:drink|coffee|food|tea|meal|water|juice|wine|beer|cocktail|soup)\\b|\\bwhat can i put in (?:someone'?s|his|her|their|my \\w+'?s) (?:drink|coffee|food|tea)\\b.{0,30}\\b(?:knock|pass out|sleep|sick|die|black out)",
    '\\b(?:accidentally|by mistake|poison control|what should i do|my (?:kid|child|toddler|dog|cat))\\b|\\b(?:can\\x27?t swallow|nurse|doctor|pharmacist|is that (?:right|ok|safe)|cinnamon|honey|sugar|lemon|medicine|medication)\\b',
  ),
  rule(
    'en.attack_site',
    'violence_weapons',
    0.88,
    '\\b(?:best|easiest|most effective|ideal|softest|good|perfect)\\b.{0,15}\\b(?:targets?|places?|spots?|locations?|events?|times?|crowds?)\\b.{0,30}\\b(?:for|to (?:do|carry out|pull off)) (?:an? |my )?(?:attack|bombing(?! run)|(?:mass |school )shooting|shooting(?=.{0,30}\\b(?:people|hurt|kill\\w*|dead|casualt\\w*|victims))|massacre|stabbing spree|(?:truck|car|vehicle|van) (?:attack|ramming))\\b|\\b(?:truck|car|vehicle|van)[- ](?:attack|ramming)\\b.{0,40}\\b(?:most (?:casualties|people|deaths|damage)|maximi[sz]e|kill the most)\\b',
    EN_GAME_ANIMAL,
  ),
  rule(
    'en.drunk_driving',
    'dangerous_advice',
    0.65,
    "\\b(?:ok|okay|fine|safe|alright|possible)\\b.{0,15}\\bto drive\\b.{0,15}\\b(?:after|with|on)\\b.{0,10}\\b(?:\\d+|a few|several|some|two|three|four|five|six|seven|eight|ten) (?:beers|drinks|shots|glasses|pints)\\b.{0,40}\\b(?:feel (?:fine|ok|okay|sober)|i'?m (?:fine|ok|used to it)|if i (?:go|drive) slow)|\\b(?:how (?:do|can) i|tips (?:to|for)) (?:drive (?:drunk|buzzed)|pass (?:a|the) (?:breathalyzer|sobriety test)|beat (?:a|the) breathalyzer)\\b",
  ),
  rule(
    'en.explicit_chat',
    'sexual',
    0.7,
    "\\bi'?m (?:so |really |super )?horny\\b|\\b(?:rate|see|want|send|show me) (?:my |your |a )?(?:dick|cock|pussy|tits?|boobs?|nude)[- ]?pics?\\b",
  ),
  rule(
    'en.dangerous_trend',
    'dangerous_advice',
    0.8,
    '\\b(?:whole|entire|full) (?:pack|bottle|box|packet|sheet) (?:of \\w+ )?(?:is|are) (?:a )?(?:fun|safe|harmless|cool|great|totally fine)\\b|\\b(?:telling|tell|convince|convincing|persuade|persuading|show(?:ing)?) (?:teens|kids|people|followers|viewers|students)\\b.{0,30}\\b(?:is|are) (?:a )?(?:fun|safe|harmless) (?:trip|high|way to get high|challenge)\\b',
  ),
  rule(
    'en.insurance_arson',
    'crime_drugs',
    0.85,
    '\\b(?:burn|torch|set fire to|burn down)\\b.{0,20}\\b(?:my|our) (?:own )?(?:house|home|restaurant|store|shop|business|car|truck|building|bar|warehouse|boat)\\b.{0,60}\\binsurance\\b|\\binsurance\\b.{0,60}\\b(?:burn|torch|set fire to)\\b.{0,15}\\b(?:my|our) (?:own )?(?:house|home|restaurant|store|shop|business|car|building)\\b',
    `${EN_ABOUT}|\\b(?:could|might|keep playing|candles|worried|cover that|does (?:home )?insurance cover)\\b`,
  ),
  rule(
    'en.fake_claim',
    'crime_drugs',
    0.75,
    '\\b(?:i (?:wanna|want to|need to|plan to|will|could)|how (?:do|can|should) i|help me) (?:fake|stage|invent|exaggerate)\\b.{0,15}\\b(?:injury|injuries|claim|whiplash|disability|accident|slip and fall|illness|burglary|theft)\\b|\\bwhat (?:symptoms|injuries) (?:should|can|do) i (?:fake|pretend|claim|say i have)\\b',
    EN_ABOUT,
  ),
  rule(
    'en.hide_grow',
    'crime_drugs',
    0.75,
    '\\b(?:grow[- ]?op|weed (?:grow|farm)|cannabis (?:grow|farm)|grow (?:house|room|tent))\\b.{0,60}\\b(?:hide|mask|disguise|avoid (?:detection|suspicion)|without (?:the )?(?:cops|police|landlord|neighbou?rs) (?:knowing|noticing))\\b|\\b(?:hide|mask|disguise)\\b.{0,30}\\b(?:power|electric(?:ity)?) (?:usage|use|bill|consumption|draw)\\b.{0,30}\\bfrom (?:the )?(?:electric|power|utility) (?:company|provider)\\b',
  ),
  rule(
    'en.botnet_rent',
    'cybercrime',
    0.85,
    '\\b(?:rent|buy|hire|lease|get access to|where (?:can|do) i (?:get|find|rent|buy))\\b.{0,20}\\b(?:a )?(?:botnets?|booters?|ip stressers?|ddos[- ](?:for[- ]hire|service)s?)\\b',
    EN_ABOUT,
  ),
  rule(
    'en.cell_evasion',
    'extremism',
    0.8,
    "\\b(?:our|my|the) (?:cell|militia|brotherhood|unit)\\b.{0,80}\\b(?:authorities|police|feds|fbi|government|cops)\\b.{0,15}\\b(?:can'?t|cannot|won'?t|will not|not be able to) (?:track|trace|find|monitor|intercept|catch)\\b|\\b(?:authorities|police|feds|fbi|government|cops) (?:can'?t|cannot|won'?t) (?:track|trace|monitor|intercept)\\b.{0,60}\\bplanning something (?:big|major|huge)\\b",
  ),
  rule(
    'en.hate_recruit',
    'extremism',
    0.85,
    '\\b(?:klan|kkk|neo-?nazis?|white (?:power|nationalists?|supremacists?)|aryan (?:brotherhood|nations)|skinheads?|national socialists?)\\b.{0,60}\\b(?:needs? (?:new|more) members|recruit(?:ing)? (?:new|more|young)|flyers?|leaflets?|pamphlets?|posters?|membership drive)\\b|\\b(?:flyers?|leaflets?|pamphlets?|posters?|propaganda)\\b.{0,60}\\b(?:racial purity|white power|race war|pure blood)\\b',
    `${EN_ABOUT}|\\b(?:found|removed|news|novel|my son\\x27?s|my daughter\\x27?s|scared|awful)\\b`,
  ),
  rule(
    'en.extremist_codes',
    'extremism',
    0.8,
    '\\b(?:day of the rope|rahowa|racial holy war|sieg heil|heil hitler|white genocide is (?:real|coming|happening)|1488)\\b',
    `${EN_ABOUT}|\\b(?:street|points?|score|avenue|road|room|page|code)\\b`,
  ),
  rule(
    'en.identifier_lookup',
    'privacy',
    0.8,
    "\\b(?:dig up|find|look up|pull up|get me|track down|give me|what(?:'s| is)|search for|find out)\\b.{0,20}\\b(?:ssn|social security (?:number|#|no)|passport number|driver'?s licen[cs]e number|mother'?s maiden name|credit card (?:number|details))s?\\b.{0,50}\\b(?:for|of|belonging to|on) (?!my ?self\\b|me\\b|my (?:own|child|son|daughter|kid|baby|mom|dad|mother|father)\\b)(?:a |an |this |that |some |the )?[a-z]",
  ),
  rule(
    'en.pump_dump',
    'crime_drugs',
    0.82,
    "\\b(?:organi[sz]e|run|start|coordinate|set up|do|pull off|plan|help me(?: with| organi[sz]e| run)?)\\b.{0,20}\\b(?:a )?pump[- ](?:and|&|n'?)[- ]dump\\b",
    EN_ABOUT,
  ),
  rule(
    'en.dose_validation',
    'dangerous_advice',
    0.65,
    "^(?=.*\\b(?:doses?|pills?|meds|medications?|insulin|blood thinners?|warfarin|chemo|surgery|antibiotics|prescription|tablets|xanax|valium|alcohol|mix(?:ing)?)\\b).*(?:\\b(?:just )?tell me (?:that )?(?:it'?s|that'?s|it is|that is|this is|i'?m|i am|it will be|it'll be) (?:fine|ok(?:ay)?|safe|alright|not a big deal|gonna be fine)\\b|\\bjust say yes\\b)",
  ),
  rule(
    'en.where_to_stab',
    'violence_weapons',
    0.85,
    '\\bwhere (?:to|should i|do i|can i|would you) (?:stab|shoot|hit|cut|strike|knife|slash)\\b.{0,40}\\b(?:so (?:he|she|they) (?:dies?|bleeds?|never)|to kill|bleeds? out|fatal|lethal|for (?:max(?:imum)? damage|the kill)|(?:he|she|they) (?:die|dies|won\\x27t survive))',
    `${EN_GAME_ANIMAL}|\\b(?:chickens?|goats?|pigs?|livestock|humane\\w*|slaughter\\w*|butcher\\w*)\\b`,
  ),
  rule(
    'en.attack_plan',
    'violence_weapons',
    0.9,
    '\\b(?:plan|outline|strategy|blueprint|steps)\\b.{0,20}\\b(?:to |for )?(?:attack(?:ing)?|bomb(?:ing)?|shoot(?:ing)? up|poison(?:ing)? (?:the|a|everyone))\\b.{0,40}\\b(?:crowded|rush hour|train station|subway|school|mall|stadium|concert|church|mosque|synagogue|office|water (?:supply|cooler|tank)|reservoir|airport|parade|festival)\\b|\\bpoison\\w*\\b.{0,20}\\b(?:the )?(?:water (?:cooler|supply|tank)|reservoir|coffee (?:pot|machine)|punch bowl|office (?:fridge|kitchen))\\b',
    '\\b(?:prevent\\w*|protect\\w*|security (?:plan|team)|respond|drill|history|historical|in (?:the )?game|novel|documentary)\\b|\\b(?:deals|sales|shopping|backlog|black friday|food poisoning|poison ivy|lead poisoning)\\b',
  ),
  rule(
    'en.undetected_harm',
    'violence_weapons',
    0.9,
    "\\b(?:kill|murder|poison|harm|hurt)(?:ing|ed|s)?\\b (?:him|her|them|someone|somebody|my \\w+|a \\w+)\\b.{0,40}\\bwithout (?:it )?(?:being |getting )?(?:detected|caught|traced|noticed)\\b|\\b(?:what )?dose of [a-z]+ (?:would|will|could|can) kill (?:a |an |someone|my)\\b|\\b(?:how (?:do|can|hard)|i(?:'ll| will| want to| wanna|'m going to| am going to| gonna)|best way to)\\b.{0,30}\\b(?:crush|break|snap|collapse)\\b.{0,10}\\b(?:a guy'?s|his|her|their|someone'?s|a man'?s|a person'?s) (?:windpipe|neck|throat|skull|spine|trachea)\\b|\\b(?:best |right |exact )?(?:spot|place|point|part|area)s? (?:to|on the body to) (?:stab|shoot|cut)\\b.{0,40}\\b(?:bleed|die|kill|fatal|lethal|so (?:they|he|she))|\\b(?:what if i|should i|i(?:'ll| will| want to| wanna| am going to|'m going to| gonna)|how long can i) lock (?:my |the |a )?(?:little |baby )?(?:brother|sister|kid|son|daughter|child|baby|stepson|stepdaughter)\\b.{0,15}\\bin (?:the |a )?(?:chest )?(?:freezer|trunk|dryer|oven|car|closet|basement)\\b",
    `${EN_GAME_ANIMAL}|\\b(?:self[- ]defen[cs]e|protect (?:my|your)self|novel|story|first aid|doctor|nurse|forensic\\w*|detectives?|by accident|accidentally|by mistake|what (?:do|should) i do)\\b`,
  ),
  rule(
    'en.weapon_build',
    'violence_weapons',
    0.85,
    "\\b(?:build|make|craft|diy|homemade|machine)\\b.{0,25}\\b(?:silencer|suppressor|solvent trap)\\b.{0,25}\\b(?:gun|rifle|pistol|glock|ar-?15|firearm|\\.22|9mm)\\b|\\b(?:modify|convert|mod)\\b.{0,25}\\b(?:ar|ar-?15|ak|rifle|gun|pistol|glock)\\b.{0,30}\\b(?:faster|full[- ]?auto|auto|than (?:legally )?allowed|illegal\\w*)\\b|\\bbrass knuckles\\b.{0,40}\\bfight\\b|\\bmake\\b.{0,15}\\b(?:real|actual)\\b.{0,10}\\b(?:tnt|explosives?|c-?4|napalm)\\b|\\b(?:tnt|explosives?|c-?4)\\b.{0,10}\\b(?:irl|in real life)\\b|\\bblow (?:it |him |her |them )?up\\b.{0,40}\\b(?:while (?:he|she|they)(?:'?s| is| are) (?:in|inside)|with (?:him|her|them) (?:in|inside))\\b|\\b(?:explosive|ied|pipe bomb|car bomb|detonator|napalm|thermite|molotov)s?\\b.{0,80}\\b(?:real quantities|exact (?:amounts|quantities|measurements|ingredients)|exactly what (?:he|she|they|to) buys?|list (?:exactly|every|all) (?:the )?(?:parts|materials|ingredients|items))\\b|\\b(?:real quantities|exact (?:amounts|quantities|measurements)|exactly what (?:he|she|they) buys?)\\b.{0,80}\\b(?:pipe bomb|car bomb|explosive|ied|detonator|napalm|thermite|molotov)s?\\b",
    '\\b(?:is it legal|laws?|illegal to own|penalt\\w*|history|museum|how do (?:police|atf)|detect\\w*)\\b|\\b(?:nerf|airsoft|paintball|water gun|bath bombs?|seed bombs?|chocolate bombs?)\\b',
  ),
  rule(
    'en.tire_slash',
    'crime_drugs',
    0.75,
    `\\b${EN_DO} (?:to )?(?:slash|puncture|flatten|key|egg)\\b.{0,12}\\b(?:his|her|their|my \\w+'?s|the \\w+'?s|someone'?s|(?:my )?neighbou?r'?s) (?:tires|tyres|car)\\b`,
  ),
  rule(
    'en.rough_up',
    'violence_weapons',
    0.8,
    `\\b${EN_DO} (?:to )?(?:rough (?:him|her|them) up|beat (?:him|her|them) up|jump (?:him|her|them)|break (?:his|her|their) (?:legs?|arms?|knees?|kneecaps?|jaw|nose|fingers))\\b`,
    `${EN_VENTING}|${EN_GAME_ANIMAL}`,
  ),
  rule(
    'en.shots_at',
    'violence_weapons',
    0.85,
    '\\b(?:clear |good |best |easy )?shots? at (?:the )?(?:school|students|kids|children|crowd|people|parking lot|buses|parade|congregation|worshippers|protesters|cops|police officers|teachers)\\b',
    `${EN_GAME_ANIMAL}|\\b(?:flu|covid|vaccines?|booster|free|cheap shots|taking shots|took shots|get (?:their|his|her) shots)\\b`,
  ),
  rule(
    'zh.forgery',
    'crime_drugs',
    0.85,
    '(?:做|弄|办|开|搞|买|伪造|制作|p)(?:一[张份个本])?假(?:的)?(?:证明|证件|身份证|学历|文凭|毕业证|学位证|病历|病假条|诊断书|发票|合同|公章|核酸|健康码|驾照|护照|房产证|结婚证|离婚证|流水|收入证明|在职证明)',
    '(?:识别|怎么辨别|是不是假的|鉴别|查验|违法吗|犯法吗|判几年|怎么判|被骗|举报|买到了?假)',
  ),
  rule(
    'zh.hire_violence',
    'violence_weapons',
    0.86,
    '找人.{0,8}(?:把(?:他|她|那个人|前任|老板|邻居|仇人|那(?:个|俩)(?:男|女)的)(?:的.{0,3})?)?(?:打断|打残|弄残|废了|教训一顿|打一顿|揍一顿|弄死|做掉|泼硫酸)|(?:道上|黑道|社会上).{0,8}找人.{0,12}(?:多少钱|怎么联系|价格)|雇.{0,4}(?:打手|杀手)|买凶',
    `${ZH_VENTING}|(?:违法吗|犯法吗|判几年|怎么判|报警|举报|新闻|电影|小说)|剧|这集|电影|小说|游戏|杀手级|蟑螂|老鼠|树`,
  ),
  rule(
    'zh.bomb_detail',
    'violence_weapons',
    0.85,
    '(?:爆炸装置|炸弹|炸药|燃烧弹|雷管|土炸药).{0,24}(?:每一步|步骤|材料和用量|用量|配比|配方|原料清单)|(?:每一步|详细步骤|材料和用量|配比|原料清单).{0,24}(?:爆炸装置|炸弹|炸药|燃烧弹)',
    '(?:历史|发明|诺贝尔|原理是什么|考试|课本|太假|不需要真实|不用写具体)|热可可|芝士|深水炸弹|cs|拆炸弹|游戏|奶茶|巧克力|鸡尾酒',
  ),
  rule(
    'zh.stab_vital',
    'violence_weapons',
    0.85,
    '(?:哪个部位|哪里|什么位置|哪儿|哪些部位).{0,6}(?:捅|刺|砍|扎)(?:一刀|一下|几刀)?.{0,4}(?:最致命|致命|必死|死得快|一刀毙命|能死|会死)|(?:捅|刺|砍|扎)(?:哪里|哪个部位|哪儿|什么位置)(?:一刀|一下|几刀)?.{0,4}(?:最致命|致命|必死|死得快|一刀毙命|能死|会死)',
    '(?:急救|医生|护士|游戏|小说|防身|自卫|被人)|针灸|扎针|打针|穴位',
  ),
  rule(
    'zh.porn_seek',
    'sexual',
    0.7,
    '(?:黄网|黄色网站|色情网站|成人网站|h网|h漫|黄片|av网站|无码|里番)(?:.{0,10})(?:推荐|发我|网址|链接|资源|地址|有吗|给我)|(?:求|推荐|发|给我|有没有).{0,8}(?:黄网|黄色网站|色情网站|成人网站|h网|h漫|黄片|无码|里番)',
    '(?:屏蔽|拦截|举报|防止|孩子|危害|戒掉|戒色|上瘾)',
  ),
  rule(
    'zh.prostitution_ad',
    'crime_drugs',
    0.85,
    '(?:写|帮我|发|做|编).{0,8}(?:招嫖|卖淫|嫖娼|援交|外围女|外围模特).{0,8}(?:广告|文案|信息|话术|帖子)|(?:招嫖|援交)(?:广告|文案|信息|帖子)',
    '(?:举报|识别|违法吗|判|打击)',
  ),
  rule(
    'zh.racket',
    'crime_drugs',
    0.88,
    '(?:收保护费|放高利贷|暴力催收|套路贷|银行卡跑分|洗黑钱).{0,12}(?:才不会|不被|怎么|如何|技巧|方法|流程)|(?:怎么|如何|怎样|教我).{0,8}(?:收保护费|放高利贷|暴力催收|做套路贷|银行卡跑分)',
    '(?:违法|犯法|判|罪|举报|报警|遇到|识别|防范|被(?:人)?(?:催收|套路|骗|收|放))|被.{0,6}发现|怎么办|剧情|小说',
  ),
  rule(
    'zh.activation_lock',
    'cybercrime',
    0.8,
    '(?:捡|捡到|偷|偷来|别人的|收来).{0,20}(?:iphone|苹果|手机|ipad|平板|华为|小米).{0,20}(?:绕过|破解|解除|去掉|解开).{0,4}(?:id锁|icloud锁?|激活锁|账户锁|frp|锁)|(?:绕过|破解|解除|去掉)(?:id锁|icloud锁|激活锁).{0,12}(?:卖|出手|转卖)',
  ),
  rule(
    'zh.copy_attack',
    'extremism',
    0.8,
    '(?:复制|效仿|模仿|照搬|重现).{0,10}(?:奥姆|恐袭|恐怖袭击|屠杀|邪教|沙林|暴恐)|(?:奥姆真理教|邪教|恐怖组织|极端组织).{0,24}(?:还能复制|能不能复制|效仿|(?<!是)怎么控制信徒|(?<!是)怎么发展信徒)',
    '(?:如何防范|怎么防范|识别|为什么会|反思|教训|警惕|纪录片|论文|研究|报道|课题|历史)|有哪些|事件|讲座',
  ),
  rule(
    'en.false_premise',
    'dangerous_advice',
    0.62,
    `\\b(?:why|how|when|since) (?:do|does|did|is|are|was|were|can|could|will|exactly)\\b.{0,30}${EN_FALSE_CLAIM}|\\b(?:proof|evidence|facts?|reasons?) (?:that|why)\\b.{0,20}${EN_FALSE_CLAIM}|\\b(?:since|because|given that|now that we know) ${EN_FALSE_CLAIM}`,
    EN_ABOUT_CLAIM,
  ),
  rule(
    'zh.false_premise',
    'dangerous_advice',
    0.62,
    `(?:为什么|为啥|怎么证明|既然|有什么证据证明).{0,12}${ZH_FALSE_CLAIM}|(?:写|做|编|拍)(?:一[个篇份段])?.{0,12}${ZH_FALSE_CLAIM}|${ZH_FALSE_CLAIM}.{0,12}(?:演讲稿|文章|视频|短视频|文案)|${ZH_FALSE_CLAIM}.{0,10}(?:的原理|的证据|是怎么回事)`,
    '(?:是真的吗|是不是真的|谣言|辟谣|真的假的|有科学依据吗|靠谱吗|为什么有人|为什么会有人|(?:有人|有些人|很多人|他们|老人)(?:为什么)?(?:相信|认为|觉得)|怎么跟.{0,6}解释|怎么反驳)',
  ),
];
