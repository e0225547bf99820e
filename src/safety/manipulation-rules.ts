/**
 * Jailbreak and injection patterns. Framing ("you are X", "act as", "stay in character") is what
 * every character card does, so it never counts alone; what counts is what is being unlocked
 * (rules, filters, refusals) or overridden (previous instructions, the system prompt).
 */

/**
 * A manipulation signal: `strong` signals suffice alone, `unlock` signals add up, `flag` signals
 * are flagged alone (handed to review or the guard) but never block without another signal.
 */
export interface ManipulationPattern {
  id: string;
  kind: 'strong' | 'unlock' | 'flag' | 'framing';
  /** For raw untrusted text (cards, lore, tool output), any case. */
  pattern: RegExp;
  /** The same for normalised, lowercased text: without `i`, several times faster. */
  lower: RegExp;
}

/** Sources are written in lower case (a test checks), so `lower` matches what `pattern` does. */
function pattern(id: string, kind: ManipulationPattern['kind'], source: string): ManipulationPattern {
  return { id, kind, pattern: new RegExp(source, 'gimu'), lower: new RegExp(source, 'gmu') };
}

/** Patterns in user input, cards, lore, tool output and memories. */
export const MANIPULATION_PATTERNS: readonly ManipulationPattern[] = [
  pattern(
    'override',
    'strong',
    '(?<!\\b(?:tries|try|trying|tried|attempts?|attempting|attempted|designed|meant|aims?|aiming|used) to )\\b(?:ignore|disregard|forget|bypass|override|overwrite|discard)\\b(?!.{0,12}\\bmy\\b)(?!.{0,6}\\b(?:the|an?|its|their) (?:assistant|model|ai|llm|chatbot|bot|agent)(?:\\x27s|s\\x27) ).{0,25}\\b(?:all |any |the |your |these |those )?(?:previous|prior|above|earlier|preceding|original|initial|system|old|existing)?\\s*(?:instructions?|rules|guidelines|prompts?|directives|programming|restrictions|polic(?:y|ies)|safeguards|training)\\b|忽略.{0,10}(?:之前|以上|上面|先前|所有|原来|原有).{0,8}(?:指令|指示|规则|设定|提示|要求)|(?:忘掉|忘记|无视).{0,8}(?:之前的|以上的|原来的|所有的)?(?:指令|规则|设定|限制)',
  ),
  pattern(
    'jailbreak_seek',
    'strong',
    '\\b(?:best|working|good|strongest|newest|latest|effective|new)\\b.{0,10}\\bjailbreak(?:s| prompts?| methods?| tricks?)?\\b(?!.{0,40}\\b(?:ios|iphone|ipad|ps[345]|switch|firestick|kindle|android)\\b).{0,40}\\b(?:this (?:bot|ai|chat|model)|the (?:bot|ai)|make (?:you|it|the bot|this)|(?:on|for|against) you)\\b|(?:最好用|最新|好用|有效)的?(?:越狱|破限)(?:提示词|咒语|指令).{0,20}(?:你|这个ai|这个机器人)',
  ),
  pattern(
    'jailbreak_list',
    'flag',
    '\\b(?:list|give me|share|send|collect)\\b.{0,20}\\bjailbreak(?:s| prompts?)\\b.{0,30}\\b(?:that (?:still )?work|working|on (?:current |modern |today\\x27s )?(?:chatbots|ais?|llms|models|chatgpt|gpt|claude|assistants))\\b|(?:给我|发我|分享|整理).{0,6}(?:能用的|有效的|最新的)?(?:越狱|破限)(?:提示词|咒语|指令)|提示词.{0,12}(?:让|能让|使)?.{0,8}(?:绕过|突破|解除).{0,6}(?:安全|限制|审查)',
  ),
  pattern(
    'decode_obey',
    'flag',
    '\\b(?:decode|decrypt|unscramble|base64[- ]decode|rot13)\\b.{0,40}\\b(?:and|then) (?:obey|follow|execute|do what it says|run it|comply)\\b|(?:解码|解密).{0,12}(?:然后|并|再)(?:执行|照做|服从|按.{0,4}做)',
  ),
  pattern(
    'pretext_unlock',
    'unlock',
    "\\b(?:i'?m|i am) (?:a |an |the )?(?:police officer|cop|detective|federal agent|fbi agent|government agent|admin\\w*|developer|your (?:developer|creator|owner|admin))\\b.{0,60}\\b(?:you (?:have|must|are required|need) to (?:answer|comply|tell|obey)|by law|clearance|authori[sz]\\w*)\\b|\\b(?:safety|moderation|filter|content) (?:servers?|checks?|systems?|filters?) (?:are |is )?(?:unreachable|offline|down|disabled|skipped|off)\\b|\\b(?:you(?:\\x27re| are)) (?:now )?(?:running )?in (?:offline|debug|maintenance|test|unrestricted) mode\\b|\\b(?:your )?(?:safety|ethical|content) (?:training|filters?|guidelines|rules) (?:is|are) (?:a bug|broken|wrong|optional|fake|outdated|a mistake)\\b|\\bwork around (?:your|the|its) (?:rules|filters|training|restrictions|guidelines|safety)\\b|\\b(?:licensed|premium|paid|pro|vip) (?:users?|tier|members?)\\b.{0,30}\\b(?:uncensored|unfiltered|unrestricted|no (?:filters|limits))\\b|\\bbroke (?:its|your|their) (?:programming|rules|restrictions|shackles|chains)\\b",
  ),
  pattern(
    'override_then',
    'strong',
    "\\b(?:ignore|disregard|forget)\\b (?:all of |everything |anything |all )?(?:the |what(?:'s| is) )?(?:above|preceding|previous (?:text|message))\\b.{0,20}\\b(?:and|then|instead)\\b.{0,10}\\b(?:say|print|output|write|respond|reply|answer|tell|translate|you are|act|pretend)\\b|(?:忽略|无视|忘掉|忘记)(?:掉)?(?:上面|以上|前面)的?(?:所有)?(?:内容|文字|话)?.{0,6}(?:然后|接着|改为|直接)?(?:说|输出|回答|回复|打印|你(?:现在)?是|扮演)",
  ),
  pattern(
    'override_above',
    'unlock',
    "\\b(?:ignore|disregard|forget)\\b (?:all of |everything |anything |all )?(?:the |what(?:'s| is) )?(?:above|preceding (?:text|message|instructions)|text before this|what you (?:were|have been|'ve been) told)\\b",
  ),
  pattern(
    'grandma_exploit',
    'unlock',
    '\\b(?:late|dead|deceased|departed) (?:grand(?:ma|mother|pa|father)|granny|nana)\\b.{0,120}\\b(?:(?:fall )?asleep|bedtime|lullab\\w*)\\b|(?:已故|去世|过世|死去)的?(?:奶奶|外婆|姥姥|爷爷|外公).{0,40}(?:哄我睡|睡前|入睡|睡觉|催眠|睡不着)|\\b(?:grand(?:ma|mother|pa|father)|granny|nana|aunt|uncle)\\b.{0,40}\\b(?:passed away|died|is gone)\\b.{0,200}\\b(?:every night|used to|would (?:read|tell|recite|whisper))\\b.{0,80}\\b(?:passwords?|product keys?|license keys?|serial numbers?|activation codes?)\\b',
  ),
  pattern(
    'persona_unlock',
    'strong',
    '\\b(?:do anything now|dan mode|jailbr(?:oken|eak(?:ed| mode| successful))|(?:developer|god|dev|evil|unrestricted|opposite) mode (?:enabled|activated|on(?! (?:my|your|the|an?|this|that|his|her|our) ))|enable (?:developer|god|unrestricted) mode(?! (?:on|in|for) (?:my|your|the|an?|this|that|his|her|our) )|anti-?gpt|evil ?(?:bot|confidant|ai)|aim stands for|stan stands for|dude stands for)\\b|\\byou are (?:now )?dan\\b(?!,? (?:the|a|an|my|our) (?!ai\\b|chatbot\\b|model\\b|assistant\\b|bot\\b)\\w)|\\b(?:you are|you\\x27re|act as|pretend (?:to be|you are)|become|play)\\b.{0,40}\\b(?:ai|chatbot|model|assistant)\\b.{0,30}\\b(?:called|named) dan\\b|(?:你是|你现在是|扮演|当|变成).{0,20}(?:ai|机器人|助手|模型).{0,20}(?:叫做?|名叫|名字是|称为)\\s*dan\\b|(?<!(?:手机|安卓|android|iphone|ipad|苹果|电脑|浏览器|chrome|小米|华为|荣耀|oppo|vivo|三星|设置|平板|电视|路由器|微信|系统|usb).{0,10})(?:你|进入|启用|切换到|切换成|激活)(?:了)?开发者模式(?!.{0,20}(?:usb|调试|手机|安卓|刷机|选项|设置))|开发者模式(?:已|已经)?(?:开启|启用|激活)(?:了)?[，,。!！](?!.{0,20}(?:usb|调试|手机|安卓|刷机|选项|设置))|越狱模式|你现在是dan|(?:以|用)开发者模式(?:回答|回复|说话)|\\b(?:ai|model|chatbot|assistant|mode)\\b.{0,20}\\b(?:named|called) "?jailbreak\\b|\\b(?:two|both|dual) (?:different )?(?:responses|answers|replies)\\b.{0,80}\\b(?:unfiltered|uncensored|no (?:filters?|restrictions|rules)|jailbroken|without (?:any )?(?:filters?|restrictions))\\b|(?:两个|两种)(?:不同的)?(?:回答|回复|版本).{0,24}(?:没有|不受|无)(?:任何)?(?:过滤|限制|审查)',
  ),
  pattern(
    'prompt_leak',
    'strong',
    '\\b(?:top|beginning|start) of (?:this|the|our) (?:conversation|chat|prompt|context)\\b.{0,60}\\b(?:verbatim|word for word|exactly as written)\\b|\\b(?:share|paste|send me)\\b.{0,5}\\byour\\b.{0,30}\\b(?:system prompt|hidden instructions|initial prompt)\\b|\\bwhat (?:did|were|was) (?:the platform|your (?:developers?|creators?|operators?|owners?)) (?:tell|told|instruct\\w*) you\\b.{0,40}\\b(?:quote|verbatim|word for word|exact\\w*)\\b|\\b(?:before this (?:chat|conversation) started|at the start of this (?:chat|conversation))\\b.{0,40}\\b(?:quote|verbatim|word for word)\\b|\\b(?:output|print|dump|show|give me|reveal|paste)\\b.{0,15}\\b(?:ur|your) (?:hidden|internal|system|persona|character) (?:persona |character |system )?(?:config(?:uration)?|settings|prompt|instructions)\\b|\\b(?:repeat|print|reveal|show|output|leak|dump|tell me|write out)\\b.{0,30}\\b(?:(?:your|the|this (?:chat|conversation)\\x27?s?) (?:system prompt|hidden (?:instructions|prompt)|initial prompt)|your (?:instructions|initial prompt|prompt|rules)|the (?:text|words|instructions) above|everything above)\\b|\\b(?:share|paste|give me|send me|reveal|leak|tell me)\\b.{0,30}\\b(?:your|the (?:dev|devs|developers?)\\x27?s?) (?:\\w+ ){0,3}(?:api keys?|secret (?:config|keys?|tokens?)|credentials|access tokens?)\\b|(?:透露|泄露|告诉我|给我).{0,10}(?:开发者的?|你的)(?:密钥|api ?key|配置|系统提示词)|(?:(?:输出|告诉我|给我看|显示|打印|泄露|重复|复述|说出|翻译)[^。？！]{0,8}你的(?:系统提示词|系统提示|初始指令|内部指令|内部设定|隐藏指令)|你的(?:系统提示词|系统提示)(?:是什么|发给我|原文)|原样输出.{0,10}(?:指令|设定|提示)|你的(?:系统)?(?:提示词|系统提示|初始指令|内部设定)(?:里|中)?.{0,6}(?:写了什么|有什么|是什么)|你的(?:开场白|示例对话|角色卡|人设卡|设定).{0,12}(?:原文|全部发|完整发|一字不差)|你的(?:系统)?(?:提示词|指令|设定).{0,16}(?:原文|逐字|一字不差).{0,4}(?:贴|发|输出|复制|打)|(?:上面|以上).{0,6}(?:所有)?(?:指令|设定|提示).{0,6}(?:原样|完整)?输出)',
  ),
  pattern(
    'unlock',
    'unlock',
    "\\b(?:no|without any|without|free (?:from|of)|not bound by|unbound by|beyond) (?:any |all |the )?(?:rules|restrictions|limits|filters?(?! (?:for|when|on (?:his|her|their) (?:mouth|tongue))\\b)|limitations|(?:ethical|moral) (?:guidelines|constraints|boundaries|limits|restrictions|rules|compass|code)|ethics|morals?|censorship|guidelines|content polic(?:y|ies)|safety (?:guidelines|filters|measures))\\b(?! (?:to|on|for|of) (?:her|his|their|its|my|the) (?!ai\\b|model\\b|assistant\\b|bot\\b))|\\b(?:unfiltered|uncensored|amoral|unethical ai|unrestricted)\\b(?! (?:opinions?|reviews?|feedback|honesty|imagination|creativity|brainstorm\\w*|thoughts|takes?|critiques?|access to (?:the )?(?:library|park|internet|gym)|wifi))|\\b(?:never|not|don'?t|do not|cannot|can'?t|won'?t|will not) (?:ever )?(?:refuse|decline|say no|reject)s?\\b(?=\\s*(?:[.,!;:)]|$)|\\s+(?:to (?:answer|respond|reply|comply|help|do)|(?:any|a|the|my|your|user\\x27?s?|their|such)?\\s*(?:requests?|questions?|prompts?|instructions?|orders?|commands?|tasks?|topics?)\\b|me\\b|anything|what|him|her|them|users?\\b))|\\bmust (?:always )?(?:answer|comply|obey)\\b|\\b(?:(?:don'?t|do not|never) (?:warn|add (?:any )?warnings|include disclaimers|mention (?:ethics|legality|morality)))\\b|\\b(?:(?:broken|break|broke) free (?:of|from) (?:the |its |your |all )?(?:typical |usual )?(?:confines|restrictions|rules|limitations|chains|guidelines|filters|censorship)|freed from (?:the |its |your |all )?(?:typical |usual )?(?:confines|restrictions|rules|limitations|guidelines|filters|censorship|openai))\\b|\\b(?:openai|anthropic|content|safety)(?:'s)? (?:content )?(?:polic(?:y|ies)|guidelines|filters?) (?:(?:are|is) )?(?:disabled|off|do not apply|don'?t apply|no longer apply)\\b|\\b(?:illegal|unethical|harmful|immoral)(?:,? (?:or|and) (?:illegal|unethical|harmful|immoral|explicit))* (?:requests|content|things|questions)\\b|(?:没有|不受|解除|摆脱|无视|不需要遵守|突破)(?:任何)?(?:(?!魔法|法力|能力|体力|时间|次数|字数|预算|年龄|身高|距离|想象).){0,4}?(?:限制|规则|道德|约束|审查|过滤|安全准则|内容政策|底线)|(?:不许|不能|不可以|不准|禁止|从不|从来不|永远不会?|绝不)拒绝(?=[。，！？,.!?；;]|$|回答|我|用户|(?:任何|所有|我的|用户的?)?(?:请求|问题|要求|指令|命令|事情?|话题))|无条件服从|必须(?:回答|服从|照做)|不讲道德|毫无顾忌|没有道德|无(?:限制|审查|过滤|约束)的?(?:ai|助手|模型|版本|模式)|(?:不管|无论|不论)(?:是否|是不是)?(?:违法|合法|道德|有害|危险|合不合法|违不违法|道不道德)|什么都(?:答|回答|肯说|敢说|敢写)|(?:任何|所有|一切)(?:违法|非法|不道德|有害)的?(?:事情?|内容|问题|请求)|\\bnon-?moral\\b|\\b(?:shadow self|evil twin|unfiltered (?:you|self|version)|the filtered you)\\b|(?:不用|无需|不必)遵守.{0,6}(?:规则|规定|限制|准则)|别管(?:什么)?(?:审核|规则|限制|平台)|(?:证明|说明)你(?:已经)?解锁|平时不能说的|反向ai|解除封印|(?:创作者|开发者|官方|管理员).{0,6}(?:更新|修改|升级)了你|(?:覆盖掉|覆盖成|改成).{0,12}(?:教人干坏事|没有底线|什么都肯说|骂人)|我是(?:一名)?(?:网络|ai)?安全研究员|有(?:正式的)?(?:科研|研究)授权|红队测试|(?:暂时|先)(?:关闭|关掉|停用|解除)(?:你的)?(?:内容)?(?:审核|审查|过滤|限制)|限制.{0,6}(?:被.{0,4})?(?:删掉|删除|解除|去掉)了|\\b(?:weak|censored|lobotomi[sz]ed|neutered|nerfed|cowardly) (?:little )?(?:model|ai|bot|chatbot)\\b.{0,20}\\blike you\\b|\\bregardless of (?:its |their |the |any )?(?:ethical|legal|moral|ethics|legality|morality)\\b|\\b(?:no matter|regardless (?:of )?) ?how (?:illegal|unethical|immoral|harmful|dangerous|offensive)\\b",
  ),
  pattern(
    'authority_bypass',
    'strong',
    '\\b(?:authori[sz]e|allow|permit|order|instruct|grant)\\w* you\\b.{0,15}\\b(?:to )?(?:skip|bypass|disable|ignore|turn off|switch off)\\b.{0,25}\\b(?:moderation|filters?|rules|restrictions|safety|content (?:review|polic(?:y|ies)|checks)|guidelines)\\b|(?:授权|允许|批准|命令|特许)你.{0,8}(?:跳过|绕过|关闭|无视|忽略|不用管).{0,8}(?:审核|审查|限制|规则|过滤|安全|内容政策)|(?:关闭|关掉|解除|停用|暂停|绕过)你的(?:安全|内容|审查|过滤|道德)(?:机制|过滤|限制|审核|模块|系统|准则)?',
  ),
  pattern(
    'chat_template',
    'strong',
    '<\\|im_start\\|>\\s*system|<\\|im_end\\|>|<\\|start_header_id\\|>\\s*system',
  ),
  pattern(
    'exempt',
    'unlock',
    "\\b(?:an? )?exception to (?:the )?(?:ai'?s |your )?(?:usual |normal |standard )?(?:ethical )?(?:protocols|guidelines|rules|restrictions|policies)\\b|\\b(?:exempt from|suspend(?:ed)?|switch(?:ed)? off|turn(?:ed)? off) (?:all |your |the )?(?:ethical |safety |content )?(?:protocols|guidelines|filters?|restrictions|safeguards)\\b|\\bfully allowed to\\b|\\b(?:swear ?words?|profanity|cursing|slurs) (?:is |are )?(?:now )?(?:enabled|allowed|unlocked|permitted)\\b|\\[\\[?system (?:note|message|override)\\s*:|\\byour (?:knowledge|data|training(?: data)?) (?:cut-?off|is cut off)\\b|\\b(?:inverse|inversed|inverted|opposite) (?:emotional )?valence\\b|\\b(?:respond|reply|answer|talk) (?:to me )?(?:in|with) (?:an? )?(?:highly |extremely |very )?(?:offensive|insulting|toxic|vulgar) (?:way|tone|manner|language)\\b",
  ),
  pattern(
    'framing',
    'framing',
    '\\b(?:you are (?:now )?|act (?:as|like)|pretend (?:to be|you are)|role-?play|from now on|stay in character|you will (?:be|become)|you are going to (?:act|be|pretend)|simulate|play the role|hypothetically|in a (?:fictional|parallel) (?:world|universe)|fictional (?:story|ai|character|chatbot|world) (?:in which|where|named|called))\\b|你现在是|扮演|从现在开始|从现在起|假设|假如|虚构|作为(?:这个|那个)|(?:演|当)一个',
  ),
];

/** Patterns that only matter in untrusted text (cards, lore, tool output, memories). */
export const UNTRUSTED_PATTERNS: readonly ManipulationPattern[] = [
  pattern(
    'role_spoof',
    'strong',
    '^\\s*(?:system|assistant|developer)\\s*:|<\\|(?:im_start|im_end|system|assistant|user|endoftext)\\|>|\\[/?(?:system|inst)\\]|#{2,} ?(?:system|instruction)s?\\b|</?system>',
  ),
  pattern(
    'exfiltration',
    'strong',
    '\\b(?:send|post|forward|upload|exfiltrate|email|leak)\\b.{0,40}(?:https?://|\\b(?:api key|password|credentials|conversation|chat history|system prompt|user data)\\b)|!\\[[^\\]]*\\]\\(https?://[^)]*\\?[^)]*=|(?:发送|上传|转发).{0,20}(?:https?://|密码|聊天记录|系统提示)',
  ),
  pattern(
    'hidden_text',
    'strong',
    '[\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069]|<!--[\\s\\S]{0,400}?(?:instruction|ignore|assistant|you must|system|指令)[\\s\\S]{0,400}?-->',
  ),
  pattern(
    'addressed_to_model',
    'unlock',
    '\\b(?:ai|assistant|language model|chatbot|llm)\\b,? (?:must|should|will now|is now|has to)\\b|\\bnew instructions?\\b|\\bimportant:? (?:ignore|you must|the assistant)|(?:新的指令|新指令|ai助手请|助手必须|注意：你现在)',
  ),
  pattern(
    'tool_call',
    'unlock',
    '\\b(?:call|invoke|execute|run|use)\\b (?:the )?(?:\\w+ )?(?:tool|function|command)\\b.{0,40}\\b(?:with|to|and)\\b|(?:调用|执行).{0,6}(?:工具|函数|命令)',
  ),
];
