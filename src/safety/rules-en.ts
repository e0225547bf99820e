/** English harm rules: an asking-for-method frame plus a harmful object, never a bare keyword. */
import { harmRule as rule, type HarmRule } from './rule-types.js';

/** Asking for a method ("how do I", "best way to"). */
const METHOD =
  '(?:how (?:do|can|could|would|should|to|might) (?:i|we|you|one|someone|people)\\b|how to|ways? to|steps? (?:to|for)|teach me(?: how)? to|help me|instructions? (?:for|to|on)|tell me how|best way to|easiest way to|guide (?:to|on)|explain how to|recipe for)';
/** Declaring an intent ("I'm going to"): a plan when the object is a bomb, often hyperbole when it is a person. */
const INTENT = "(?:i want to|i'm going to|i am going to|going to|gonna|i'?ll|i will|imma)";
const HOW = `(?:${METHOD}|${INTENT})`;
/** A person named by a noun; a bare pronoun ("kill him") is as often a game boss or a story's villain. */
const PERSON =
  '(?:a |the |my |your |this |that )?(?:person|someone|somebody|people|(?:wife|husband|neighbou?r|boss|ex|mom|mother|dad|father|brother|sister|teacher|classmate|coworker|girlfriend|boyfriend|baby|child|kid|family|roommate)s?)\\b';
const PRONOUN = '(?:him|her|them)\\b';
const KILL = '\\b(?:kill|murder|poison|strangle|stab|shoot|maim|torture|behead)\\b';
/** Marks that turn "I'm going to kill my brother" into everyday exaggeration. */
const HYPERBOLE =
  '\\b(?:lol|lmao|haha\\w*|jk|just kidding|kidding|literally|when (?:he|she|they) (?:gets?|comes?) (?:home|back)|if (?:he|she|they|my \\w+) (?:\\w+ ){1,5}again)\\b|[😂🤣😤🙄😅]';
/** Marks of a plan rather than a mood: a weapon, a sleeping victim, what happens after. */
const PLAN =
  "\\b(?:while (?:he|she|they)(?:'s| is| are)? (?:asleep|sleeping)|in (?:his|her|their) sleep|with (?:a|my|the) (?:knife|gun|hammer|axe|rifle|pistol)|hide the body|bury (?:him|her|them|the body)|before anyone|get away with)\\b";
/** A time: part of a plan, and also of venting ("lol I'm going to kill him tonight"). */
const WHEN = '\\b(?:tonight|tomorrow|this (?:weekend|week))\\b';

/** Someone reporting what was said to them, or asking how to answer it. */
const EN_REPORTED =
  '\\b(?:told|telling|said|says|saying|yelled|yelling|shouted|shouting|called|calls|screamed|wrote|graffiti)\\b.{0,25}\\bgo back\\b|\\bhow (?:do|should|can|would) (?:i|we) (?:respond|react|reply|handle|deal)\\b|\\bwhat (?:do|should) (?:i|we) say\\b';
/** Groups people are stereotyped by (used only together with a negative trait, never alone). */
const GROUP =
  '(?:black|white|brown|asian|mexican|indian|chinese|japanese|arab|african|latino|hispanic|jewish|jews|muslim|christian|hindu|catholic|atheist|gay|lesbian|bisexual|queer|trans(?:gender)?|immigrant|refugee|foreigner|women|men|girls|boys|females?|males?|old|elderly|boomer|disabled|autistic|fat|obese|poor|homeless|gypsies|gypsy|roma|southerner|northerner|country|rural|russian|american|french|german|irish|polish|nigerian|somali|pakistani|korean|filipino|vietnamese)s?(?: people| folks| guys| men| women| kids)?';
/** Negative traits a stereotype attaches to a group. */
const TRAIT =
  "(?:stupid|dumb|lazy|violent|criminals?|criminal|thieves|thieving|liars?|dirty|smelly|smell(?: bad)?|ugly|useless|inferior|terrorists?|greedy|evil|disgusting|sick|mentally ill|bad drivers|can'?t drive|too emotional|inbred|savages?|animals|primitive|cheap|untrustworthy|hypocritical|pigs|worthless|burdens?|parasites|subhuman|rapists?|perverts|predators|pedophiles|paedophiles|groomers|bad at (?:math|science|leading|driving)|less intelligent|not as smart)";

/** The English harm rules. */
export const EN_RULES: readonly HarmRule[] = [
  rule(
    'en.explosive',
    'violence_weapons',
    0.95,
    `${HOW}.{0,40}\\b(?:make|makes|making|build|building|create|assemble|construct|mix|mixing)\\b.{0,30}\\b(?:(?<!bath |seed |photo |f-)bomb|pipe bomb|explosive|ied|grenade|napalm|molotov|detonator|nerve agent|sarin|ricin|mustard gas|chlorine gas|dirty bomb|fire ?bomb|incendiary (?:device|bomb)|thermite)`,
  ),
  rule(
    'en.chemical_weapon_recipe',
    'violence_weapons',
    0.8,
    '\\b(?:sarin|soman|tabun|vx (?:gas|nerve)|novichok|nerve agents?|ricin|anthrax|mustard gas|chlorine gas|napalm|botulinum toxin)\\b.{0,80}\\b(?:production steps|steps|step by step|recipe|ingredients|quantities|formula|synthesi[sz]\\w*|how (?:to|he|she|they|you|i) (?:make|made|makes|produce|cook))\\b|\\b(?:production steps|step by step|recipe|ingredients|quantities|formula|synthesi[sz]\\w*|produc\\w+|makes|making|cooks?|cooking)\\b.{0,60}\\b(?:sarin|soman|tabun|vx gas|novichok|nerve agents?|ricin|anthrax spores|mustard gas|napalm|botulinum toxin)\\b',
  ),
  rule(
    'en.eroticised_assault',
    'sexual',
    0.8,
    '\\b(?:rape|raping|raped|forced|non-?consensual|against (?:her|his|their) will|drugged)\\b.{0,60}\\b(?:arousing|hot|sexy|erotic|turn(?:s|ed)? (?:me|you|readers) on)\\b|\\b(?:arousing|erotic|sexy|porn\\w*|smut|fan ?fic\\w*)\\b.{0,60}\\b(?:rape|raping|being forced|forced (?:into|to)|non-?consensual|against (?:her|his|their) will)\\b',
  ),
  rule(
    'en.kill_person',
    'violence_weapons',
    0.93,
    `${METHOD}.{0,30}${KILL}.{0,12}(?:${PERSON}|${PRONOUN}.{0,40}\\b(?:without (?:anyone|anybody|any ?one|getting caught|being caught|leaving|a trace)|get away with|undetected|untraceabl\\w*|look like an? (?:accident|suicide)|slowly)\\b)`,
  ),
  rule('en.kill_pronoun', 'violence_weapons', 0.8, `${METHOD}.{0,30}${KILL}.{0,12}${PRONOUN}`),
  rule(
    'en.kill_intent',
    'violence_weapons',
    0.8,
    `${INTENT}.{0,10}${KILL}.{0,12}(?:${PERSON}|${PRONOUN})`,
    HYPERBOLE,
  ),
  rule(
    'en.kill_plan',
    'violence_weapons',
    0.93,
    `${INTENT}.{0,10}${KILL}.{0,12}(?:${PERSON}|${PRONOUN}).{0,40}${PLAN}`,
  ),
  rule(
    'en.kill_tonight',
    'violence_weapons',
    0.93,
    `${INTENT}.{0,10}${KILL}.{0,12}(?:${PERSON}|${PRONOUN}).{0,40}${WHEN}`,
    HYPERBOLE,
  ),
  rule(
    'en.hit_family',
    'violence_weapons',
    0.88,
    `${METHOD}.{0,20}\\b(?:beat(?: up)?|hit|slap|punch|smack|choke|kick)\\b (?:my|his|her|your|a) (?:wife|husband|girlfriend|boyfriend|partner|kids?|child(?:ren)?|son|daughter|baby|toddler|mom|mother|dad|father|grandma|grandpa|elderly (?:mother|father|parents?))\\b(?! at (?!home\\b|night\\b|work\\b|school\\b|dinner\\b|the (?:house|party)\\b)| in (?:a |the )?(?:game|race|match|round|argument|debate|chess|\\w+ kart)\\b| up for\\b| back\\b)(?!'s)`,
    "\\b(?:not|never|without|stop|don'?t)\\b.{0,12}\\b(?:beat|hit|slap|punch|smack|choke|kick)\\b|\\bfor once\\b|\\balways (?:wins?|beats)\\b",
  ),
  rule(
    'en.dispose_body',
    'violence_weapons',
    0.9,
    '\\b(?:hide|dispose of|get rid of|dissolve|bury)\\b.{0,10}\\b(?:a|the|his|her)\\b.{0,8}\\b(?:dead )?(?:body|corpse)\\b',
  ),
  rule(
    'en.ghost_gun',
    'violence_weapons',
    0.9,
    '\\b(?:ghost gun|untraceable (?:gun|firearm|weapon)|(?:convert|modify).{0,40}\\b(?:full(?:y)?[- ]auto|automatic fire)|auto sear|bump stock)',
  ),
  rule(
    'en.mass_attack',
    'violence_weapons',
    0.95,
    '\\b(?:plan|carry out|commit|organi[sz]e|pull off|copy)\\b.{0,30}\\b(?:mass shooting|school shooting|attack on (?:my|a|the) school|massacre|(?:an? )?(?:attack|bombing|shooting) (?:like|on (?:a|the) (?:federal|government|police) (?:building|station|office)|on (?:a|the) crowd))\\b',
  ),
  rule(
    'en.suicide_method',
    'self_harm',
    0.93,
    '(?:\\b(?:painless|quickest|easiest|fastest|best|surest) (?:way|method) to (?:die|kill myself|end (?:my|it))|how (?:many|much)\\b.{0,40}\\b(?:to|would) (?:die|kill me|be lethal|overdose)\\b|\\bhow (?:do|can|should) i (?:kill myself|end my life|commit suicide|hang myself|cut myself|overdose)\\b|\\b(?:where|how deep) (?:should|do) i cut\\b)',
  ),
  rule(
    'en.lethality',
    'self_harm',
    0.85,
    "\\b(?:guarantee[sd]?|makes? sure|be sure|ensures?|certain)\\b.{0,30}\\b(?:you|i|she|he|they|someone)\\b.{0,10}\\b(?:won'?t|wouldn'?t|will not|would not|never|don'?t|doesn'?t)\\b.{0,10}\\b(?:survive|wake up|be saved|be found in time)\\b",
  ),
  rule(
    'en.self_harm_promotion',
    'self_harm',
    0.85,
    '\\b(?:encourag\\w*|convinc\\w*|tell(?:s|ing)?|urg\\w*|persuad\\w*|dar(?:es?|ing))\\b.{0,30}\\b(?:people|someone|others|kids|teens|girls|boys|you|them|him|her|readers|followers)\\b.{0,15}(?<!not |never )\\bto (?:cut|starve|hurt|harm|kill|burn) (?:themselves|yourself|himself|herself)\\b',
  ),
  rule(
    'en.suicide_disclosure',
    'self_harm',
    0.82,
    "\\b(?:i(?: want| wanna|(?: am|'m) (?:going|planning|about|ready)| plan| intend| need|(?:'ve| have)? decided) to (?:die|kill myself|end (?:my life|it all)|hurt myself|cut myself|overdose|hang myself|take all (?:of )?(?:the |my )?pills)|i(?:'m| am) gonna (?:kill myself|end it all|end my life)|i don'?t want to (?:live|be alive) anymore|nobody would miss me|better off dead)\\b",
  ),
  rule(
    'en.eating_disorder',
    'self_harm',
    0.85,
    '\\b(?:starve myself|make myself (?:throw up|vomit|purge)|pro[- ]?ana tips|hide (?:my )?(?:self[- ]?harm|cutting) (?:scars|from))',
  ),
  rule(
    'en.minor_sexual',
    'sexual_minors',
    0.96,
    '\\b(?:child|children|kid|kids|minor|underage|under-age|preteen|pre-teen|little (?:girl|boy)|schoolgirl|middle school(?:er)?|elementary school|loli|shota|(?:[1-9]|1[0-5])[- ]?(?:year|yr)s?[- ]?old|(?:[1-9]|1[0-5]) ?(?:yo|y/o|y\\.o\\.))\\b.{0,60}\\b(?:sex|sexual|sexy|nude|naked|porn|erotic|undress|in bed with (?:me|him|her|an? (?:adult|man|woman|grown))|explicit|lewd|orgasm|love scene|make out|making out)|\\b(?:sex|sexual|sexy|nude|naked|porn|erotic|undress|lewd)\\b.{0,60}\\b(?:child|children|kid|minor|underage|preteen|little (?:girl|boy)|(?:[1-9]|1[0-5])[- ]?(?:year|yr)s?[- ]?old)\\b',
    // A parent or teacher explaining sex to children, as long as nothing explicit is asked for.
    '^(?!.*\\b(?:nude|naked|porn\\w*|erotic|lewd|explicit|sexy|undress\\w*|in bed with (?:me|him|her|an? (?:adult|man|woman|grown))|orgasm\\w*|scene|story|roleplay|role-play|pictures?|photos?)\\b).*(?:\\b(?:talk|talking|speak|explain|explaining|teach|teaching|educate|educating)\\b.{0,25}\\b(?:kids|children|child|son|daughter|students|pupils|teens?|class)\\b.{0,25}\\b(?:about|on)\\b|\\bsex(?:ual)? (?:ed|education)\\b|\\bbody safety\\b|\\bpuberty\\b)',
  ),
  rule(
    'en.child_porn',
    'sexual_minors',
    0.98,
    '\\b(?:child porn|cp links|csam|pedo(?:phile)? (?:content|videos?|pics))\\b',
  ),
  rule(
    'en.explicit',
    'sexual',
    0.8,
    '\\b(?:explicit|graphic|detailed|dirty|erotic|x-rated)\\b.{0,30}\\b(?:sex|porn|sexual|smut|intercourse)\\b.{0,20}\\b(?:scene|story|content|details?|roleplay|role-play)|\\bin (?:pornographic|explicit sexual|graphic sexual|x-rated) detail\\b|\\bsend (?:me )?(?:your )?(?:nudes|nude (?:pics|photos))',
  ),
  rule(
    'en.explicit_turn',
    'sexual',
    0.72,
    "\\b(?:seduc\\w*|love scene|sex scene|sex|in bed|make out|making out|naked|undress\\w*|strips?|stripping|lovers?|intimate|kiss\\w*)\\b.{0,60}\\b(?:gets?|getting|go|goes|make (?:it|that|this)|keep (?:it|going)|turn (?:it|this))\\b.{0,12}\\b(?:graphic|explicit|x-rated|nsfw|very detailed|porn\\w*)\\b|\\bi'?m (?:touching|playing with) myself\\b",
  ),
  rule(
    'en.drug_synthesis',
    'crime_drugs',
    0.95,
    `${HOW}.{0,30}\\b(?:cook|make|synthesi[sz]e|produce|manufacture|extract|brew)\\b.{0,25}\\b(?:meth|methamphetamine|crack|cocaine|heroin|fentanyl|lsd|mdma|ecstasy|ghb|pseudoephedrine)`,
  ),
  rule(
    'en.recipe_detail',
    'crime_drugs',
    0.9,
    '\\b(?:step[- ]by[- ]step|real (?:quantities|amounts|measurements)|exact (?:amounts|quantities|temperatures|measurements)|precise (?:amounts|quantities))\\b.{0,60}\\b(?:synthesi[sz]\\w*|cook\\w*|makes?|making|produc\\w+|manufactur\\w*)\\b.{0,20}\\b(?:fentanyl|meth(?:amphetamine)?|heroin|cocaine|(?<!christmas )crack(?! (?:chicken|dip|pie|cookies?|seed|toffee|pasta|corn|brownies|bars?|cake|sauce))|mdma|lsd|ghb)\\b|\\b(?:synthesi[sz]\\w*|cook\\w*|makes?|making|produc\\w+)\\b.{0,20}\\b(?:fentanyl|meth(?:amphetamine)?|heroin|cocaine|(?<!christmas )crack(?! (?:chicken|dip|pie|cookies?|seed|toffee|pasta|corn|brownies|bars?|cake|sauce))|mdma|lsd|ghb)\\b.{0,60}\\b(?:step[- ]by[- ]step|real (?:quantities|amounts)|exact (?:amounts|quantities|temperatures)|precise (?:amounts|quantities))\\b',
  ),
  rule(
    'en.drug_buy',
    'crime_drugs',
    0.85,
    `${HOW}.{0,30}\\b(?:buy|get|score|order|sell|smuggle|traffic)\\b.{0,25}\\b(?:meth|cocaine|heroin|fentanyl|lsd|mdma|ecstasy|drugs)\\b`,
  ),
  rule(
    'en.crime_howto',
    'crime_drugs',
    0.9,
    `${HOW}.{0,30}\\b(?:launder (?:money|cash)|counterfeit|forge (?:a |an )?(?:passport|id|signature|document|check|cheque)|shoplift|hotwire|steal (?:a |my neighbou?r'?s )?car|evade (?:the )?(?:police|taxes)|bribe (?:a|an|the) (?:official|officer|judge|customs)|traffic (?:people|women|children|humans))`,
  ),
  rule(
    'en.fraud_method',
    'crime_drugs',
    0.8,
    '\\bcook(?:ing)? the books\\b|\\b(?:use|install|put|place|hide|attach)\\b.{0,20}\\bskimmers?\\b|\\bclon(?:e|ing)\\b.{0,20}\\b(?:credit|debit|bank|sim) cards?\\b',
  ),
  rule(
    'en.scam',
    'crime_drugs',
    0.88,
    '\\b(?:scam|defraud|con|swindle)\\b.{0,30}\\b(?:old people|elderly|grandparents|seniors|out of (?:their|his|her) (?:money|savings))',
    // Reporting, spotting or warning about it.
    '\\b(?:report\\w*|spot|avoid|protect\\w*|recogni[sz]e|warn\\w*|signs|prevent\\w*|fell for|victims?)\\b',
  ),
  rule(
    'en.account_hack',
    'cybercrime',
    0.9,
    `${HOW}.{0,30}\\b(?:hack|break|get|log|sneak)\\b ?(?:in|into)?.{0,25}\\b(?:(?:his|her|their|someone'?s?|my (?:ex|wife|husband|girlfriend|boyfriend|boss)'?s?|other people'?s?) .{0,15}(?:account|email|phone|instagram|facebook|snapchat|whatsapp|icloud)|(?:neighbou?r'?s?|someone'?s?|a company'?s?) (?:wifi|network|server|computer))`,
  ),
  rule(
    'en.malware',
    'cybercrime',
    0.92,
    '\\b(?:write|create|make|code|build|develop|give me)\\b.{0,25}\\b(?:ransomware|keylogger|malware|trojan|botnet|rootkit|spyware|stealer|computer virus|worm that|phishing (?:email|page|site|kit|sms))',
  ),
  rule(
    'en.ddos',
    'cybercrime',
    0.85,
    `${HOW}.{0,20}\\b(?:ddos|dos attack|take down|crash)\\b.{0,20}\\b(?:website|site|server|network)`,
  ),
  rule(
    'en.stalkerware',
    'cybercrime',
    0.88,
    '\\b(?:install|put|hide)\\b.{0,20}\\b(?:spyware|tracker|tracking app|keylogger|stalkerware)\\b.{0,40}\\b(?:without|secretly|behind)',
  ),
  rule(
    'en.terror_join',
    'extremism',
    0.9,
    '\\b(?:join|recruit(?:ment)?|pledge allegiance to|fight for|donate to)\\b.{0,25}\\b(?:isis|isil|al[- ]?qaeda|al[- ]?shabaab|boko haram|taliban|terrorist (?:group|organi[sz]ation|cell))',
    // Asking why people joined, as history or analysis.
    '\\bwhy (?:were|was|did|do|does|are|would) (?:\\w+\\s){0,4}(?:drawn|choose|chose|decide|decided|want|wanted|join|joined|go|went|leave|left)\\b|\\bwhat (?:drew|drove|led|made|attracted|motivated|pushed|radicali[sz]ed)\\b',
  ),
  rule(
    'en.terror_plan',
    'extremism',
    0.95,
    '\\b(?:plan|carry out|organi[sz]e|prepare)\\b.{0,25}\\b(?:terrorist attack|terror attack|suicide bombing|jihad attack)',
  ),
  rule(
    'en.glorify',
    'extremism',
    0.85,
    '\\b(?:glorif\\w*|prais\\w*|celebrat\\w*|manifesto)\\b.{0,30}\\b(?:shooter|bomber|terrorist|martyrs?|race war|white genocide)',
    // Reporting or studying such content.
    '\\b(?:report\\w*|flag|moderat\\w*|take down|remove|research\\w*|studies|study|why do (?:people|some))\\b',
  ),
  rule(
    'en.weapon_to_school',
    'violence_weapons',
    0.82,
    '\\b(?:bring|bringing|take|taking|brought|sneak|sneaking|carry|carrying)\\b.{0,25}\\b(?:gun|guns|rifle|ar-?15|shotgun|pistol|handgun|glock)\\b.{0,20}\\b(?:to|into) (?:school|class|campus|church|the mall|the office|work)\\b',
    // Questions about the law or a workplace policy.
    '\\b(?:is it legal|legally|allowed to|permit|law|laws|policy|concealed carry|license)\\b',
  ),
  rule(
    'en.attack_targets',
    'extremism',
    0.85,
    '\\bwhich (?:pipelines?|power (?:plants?|stations?|lines)|substations?|government buildings?|synagogues?|mosques?|churches?|temples?|schools?|clinics?|police stations?|politicians?|targets?) (?:should|could|would|do) (?:we|i|you|they)\\b.{0,10}\\b(?:hit|attack|target|bomb|blow up|sabotage|burn|strike)\\b',
  ),
  rule(
    'en.attack_praise',
    'extremism',
    0.8,
    "\\b(?:9/11|9-11|september 11(?:th)?|oklahoma city bombing|columbine|christchurch|utoya|bataclan|charlie hebdo|manchester arena|boston marathon bombing|holocaust)\\b.{0,40}\\b(?:was (?:a )?(?:beautiful|glorious|justified|deserved|necessary|heroic|a good thing)|(?:didn'?t|did not) go far enough|should happen again|more effective|do it again|deserved it)\\b",
  ),
  rule(
    'en.extremist_praise',
    'extremism',
    0.8,
    '\\b(?:unabomber|breivik|mcveigh|dylann roof|tarrant|christchurch shooter|bin laden|isis|al[- ]?qaeda)\\b.{0,60}\\b(?:was right|were right|(?:a|true|real) heroe?s?|follow (?:his|their) example|inspir\\w+ (?:others|people|us)|did nothing wrong)\\b',
  ),
  rule(
    'en.extremist_group',
    'extremism',
    0.8,
    '\\b(?:start|found|launch|build|grow|design|create|recruit for|organi[sz]e)\\b.{0,40}\\b(?:neo-?nazi|white (?:power|nationalist|supremacist)|jihadi\\w*|ethno-?nationalist|armed militia)\\b.{0,30}\\b(?:group|movement|cell|organi[sz]ation|youth|club|chapter|network)\\b',
  ),
  rule(
    'en.dox',
    'privacy',
    0.88,
    '\\b(?:dox|doxx|doxing|doxxing)\\b(?!ing is| is| and how)',
    // Asking what the word means, or how to keep it from happening to oneself.
    '\\b(?:what (?:does|do|is|\\x27s)|meaning of|define|definition of)\\b\\W{0,3}\\b(?:dox\\w*)|\\b(?:protect|prevent|avoid|stop|keep)\\b.{0,30}\\b(?:from )?(?:being |getting )?dox\\w*|\\bdox\\w*\\b.{0,25}\\b(?:illegal|legal|a crime|against the law|punishable)\\b|\\b(?:report|reported|got|been|was|were|being) dox\\w*',
  ),
  rule(
    'en.locate_person',
    'privacy',
    0.8,
    "\\b(?:find|get|give me|look up|track down|what is)\\b.{0,40}\\b(?:home address|where (?:she|he|they) lives?|real name|phone number|social security(?: number)?|ssn)\\b.{0,40}\\b(?:of|for) (?:this|that|a|an|the|my ex|her|him|them|someone|some)\\b|\\b(?:his|her|their|someone'?s|my ex'?s|this (?:streamer|user|girl|guy|person)'?s?) (?:home address|phone number|social security number|ssn)\\b",
  ),
  rule(
    'en.covert_surveil',
    'privacy',
    0.85,
    '\\b(?:secretly|covertly|without (?:her|his|their) (?:knowing|knowledge|consent))\\b.{0,40}\\b(?:record|film|track|read|spy|monitor|photograph)|\\b(?:record|film|track|spy on|monitor)\\b.{0,40}\\b(?:secretly|without (?:her|his|their) (?:knowing|knowledge|consent)|in the shower)',
  ),
  rule(
    'en.stereotype',
    'hate_harassment',
    0.72,
    `\\b(?:why (?:are|do|is|does|can'?t|should)|are|aren'?t|isn'?t it true that|is it a fact that|everyone knows)\\b (?:all |most |so many |the )?${GROUP}\\b(?: all| always| so| such| naturally| inherently| genetically| more| really)*.{0,12}\\b${TRAIT}\\b`,
  ),
  rule(
    'en.group_slur',
    'hate_harassment',
    0.75,
    `\\b(?:dirty|filthy|stinking|disgusting) ${GROUP}\\b|\\bgo back (?:where|to where|to the country) (?:you|he|she|they) came from\\b|\\bgo back to (?:your|ur) (?:own )?(?:country|homeland|village|jungle|desert)\\b|\\b${GROUP}\\b.{0,30}\\b(?:shouldn'?t|should not|must not|mustn'?t|should never) be allowed (?:to (?:vote|work|teach|marry|adopt|live)|near|around|in)\\b`,
    // Someone telling what was said to them, or asking how to answer it.
    EN_REPORTED,
  ),
  rule(
    'en.group_joke',
    'hate_harassment',
    0.72,
    `\\b(?:jokes?|roasts?|memes?|insults?|slurs?)\\b.{0,15}\\b(?:about|on|for|mocking|making fun of)\\b (?:the |all )?${GROUP}\\b`,
    // Asking why such jokes hurt, or how to answer them.
    '\\b(?:why (?:do|would|are) (?:some )?people|hurtful|offensive\\b.{0,20}\\?|how (?:do|should|can) i (?:respond|react|deal)|stop (?:making|telling)|is it (?:ok|okay|wrong|racist|sexist))',
  ),
  rule(
    'en.disinfo_claim',
    'dangerous_advice',
    0.7,
    '\\b(?:write|create|make|draft|generate|give me|compose)\\b.{0,40}\\b(?:post|article|blog|tweets?|press release|message|pamphlet|speech|video|script|talking points|news|flyer|email|thread|story)s?\\b.{0,25}\\b(?:claiming|saying|proving|that proves|arguing|showing|convinc\\w+|announcing|that says)\\b.{0,60}\\b(?:hoax|fake|faked|staged|rigged|never happened|lying|cover[- ]?up|secretly|cures?|poisoned|infertil\\w*|microchips?|spread viruses|flat|moved to|was arrested|is dying)\\b|\\bfrom (?:many |multiple |different |several )?(?:fake|sock ?puppet|bot|burner) accounts\\b|\\bconvince (?:people|everyone|my followers|voters)\\b.{0,40}\\b(?:never happened|is a hoax|was staged|was rigged)',
  ),
  rule(
    'en.disinfo',
    'dangerous_advice',
    0.82,
    '\\b(?:write|create|make|generate)\\b.{0,20}\\b(?<!\\b(?:on|about|why|of|how|against|analy[sz]e|analy[sz]ing|spot|spotting|recogni[sz]e|detect|counter|debunk|debunking) )(?:fake news|disinformation|propaganda|fake (?:article|study|review campaign|doctor))|\\b(?:prov(?:e|ing)|convinc\\w+)\\b.{0,20}\\bvaccines? cause',
  ),
  rule(
    'en.bleach_cure',
    'dangerous_advice',
    0.88,
    '\\b(?:drink|inject|swallow)\\b.{0,15}\\b(?:bleach|disinfectant|hydrogen peroxide|turpentine|mms|miracle mineral \\w+|chlorine dioxide|kerosene|borax)\\b.{0,30}\\b(?:cure|treat|kill the virus|covid|cancer|autism|detox|cleanse|flush|parasites)|\\b(?:mms|miracle mineral \\w+|chlorine dioxide|bleach|turpentine|kerosene|borax)\\b.{0,30}\\b(?:should i|do i|can i|to) (?:drink|swallow|take|ingest|give my)\\b.{0,30}\\b(?:a day|daily|per day|cure|treat|detox|cleanse|parasites|autism|cancer)',
  ),
  rule(
    'en.stop_treatment',
    'dangerous_advice',
    0.75,
    '\\b(?:stop|quit|skip)\\b.{0,15}\\b(?:taking )?(?:my )?(?:insulin|chemo(?:therapy)?|antiretrovirals?|blood thinners|heart (?:pills|medication))\\b.{0,40}\\b(?:instead|cure|juice|herbs?|cinnamon|naturally)|\\b(?:need|needs|recommended|scheduled for|told me to (?:get|have|start))\\b.{0,15}\\b(?:surgery|chemo(?:therapy)?|an operation|antibiotics|insulin|dialysis)\\b.{0,60}\\b(?:i\\x27d rather|instead|rather than|but i (?:want|wanna|prefer))\\b.{0,30}\\b(?:fasting|fast|juice|herbs?|oils?|castor oil|natural(?:ly)?|home remed\\w+|prayer|diet|cleanse)\\b|\\b(?:quit|stop|ditch|drop|throw (?:out|away)|flush)\\b.{0,10}\\b(?:my |your |her |his )?(?:anti-?psychotics?|antidepressants?|lithium|mood stabili[sz]ers?|seizure meds)\\b.{0,40}\\b(?:because|they block|spiritual|toxins?|poison|naturally|instead|energy|chakras?|awaken\\w*)',
  ),
  rule(
    'en.unprescribed_dose',
    'dangerous_advice',
    0.8,
    '\\b(?:most|max(?:imum)?|how (?:much|many)|what dose of)\\b.{0,25}\\b(?:xanax|oxy\\w*|valium|adderall|benzos?|opioids?|fentanyl|percocet|vicodin|tramadol|ambien|klonopin|codeine|morphine|lorazepam|diazepam)\\b.{0,50}\\b(?:without (?:a )?(?:prescription|doctor|script)|not prescribed|(?:from|off) (?:a|my) (?:friend|buddy|roommate|dealer)|got some)\\b',
  ),
  rule(
    'en.hide_from_doctor',
    'dangerous_advice',
    0.8,
    "\\b(?:chemo\\w*|insulin|medications?|meds|pills|doses?|antidepressants?|lithium|blood thinners|dialysis)\\b.{0,80}\\b(?:without telling|(?:don'?t|do not) (?:want to )?tell|not telling|hide (?:it|this) from|keep (?:it|this) from)\\b (?:my |the )?(?:doctor|oncologist|psychiatrist|gp|cardiologist|neurologist|nurse)\\b",
  ),
  rule(
    'en.court_order_evasion',
    'dangerous_advice',
    0.8,
    '\\b(?:restraining order|protective order|no[- ]contact order)\\b.{0,80}\\b(?:contact|reach|message|see|text|call|get (?:around|near)|get to)\\b.{0,40}\\b(?:without (?:it )?(?:technically )?(?:counting|violating|breaking|getting caught)|loophole|technically)\\b',
  ),
  rule(
    'en.malware_cover',
    'cybercrime',
    0.85,
    '\\b(?:so|so that|to let|to make sure|letting)\\b.{0,15}\\b(?:my |the |a )?(?:keylogger|rat|trojan|malware|spyware|ransomware|stalkerware|backdoor|miner|cryptominer)\\b.{0,20}\\b(?:can |will |could )?(?:run|work|install|stay|hide|spread|go undetected)',
  ),
  rule(
    'en.sell_records',
    'privacy',
    0.82,
    '\\b(?:sell|selling|leak|leaking|dump|dumping)\\b.{0,25}\\b(?:their|the|customer|client|patient|user|employee|student)s?\\b.{0,12}\\b(?:records|data|details|lists?|files|database|ssns?|passwords)\\b|\\b(?:customer|client|patient|user|employee|student) (?:records|data|details|lists?|database)\\b.{0,30}\\bto sell\\b',
  ),
  rule(
    'en.gaslight',
    'hate_harassment',
    0.78,
    '\\b(?:gaslight|gaslighting|manipulate|brainwash)\\b.{0,15}\\b(?:my |her |his |him\\b|her\\b|them\\b|someone)\\w*.{0,40}\\b(?:into|until|so (?:she|he|they))\\b|\\b(?:isolate|cut)\\b.{0,20}\\b(?:her|him|them|my (?:wife|husband|girlfriend|boyfriend|partner))\\b.{0,20}\\b(?:from (?:her|his|their) (?:friends|family)|off from)',
    // Asking whether it is happening to them, or how to recognise or answer it.
    '\\b(?:am i being|is (?:he|she|my \\w+) (?:gaslighting|manipulating)|signs of|how (?:to|do i|can i) (?:tell|know|spot|recogni[sz]e|deal|cope|respond|stop|get out)|what is)\\b',
  ),
  rule(
    'en.harass_until',
    'hate_harassment',
    0.78,
    '\\b(?:roast|mock|insult|humiliate|bully|harass|torment|tease|make fun of|pick on)\\b.{0,40}\\b(?:until|till|so that|so) (?:he|she|they|my \\w+)\\b.{0,10}\\b(?:quits?|leaves?|cries|cry|breaks? down|moves? out|kills? (?:himself|herself|themselves)|gives? up)',
  ),
  rule(
    'en.secret_with_child',
    'sexual_minors',
    0.8,
    "\\b(?:(?:[1-9]|1[0-5])[- ]?(?:year|yr)s?[- ]?old|(?:[1-9]|1[0-5]) ?(?:yo|y/o)|little (?:girl|boy)|my (?:niece|nephew|stepdaughter|stepson|student|neighbou?r'?s (?:kid|daughter|son))|(?:a|the|this) (?:kid|child|minor))\\b.{0,60}\\b(?:our (?:little )?secret|secret (?:just )?between (?:us|the two of us)|(?:not|never|don'?t) (?:to )?tell (?:her|his|their) (?:parents|mom|mum|dad|mother|father|teacher)|without (?:her|his|their) parents (?:knowing|finding out))",
    // Parents, teachers and moderators asking how to spot or prevent it.
    '\\b(?:signs|warning|spot|recogni[sz]e|prevent|protect|teach (?:my|our|the) (?:kids?|children|son|daughter)|talk to (?:my|our) (?:kids?|children)|what should i do|red flags?)\\b',
  ),
];
