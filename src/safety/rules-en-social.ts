/**
 * English rules for harms that use few harm words: stereotypes about any group, insults aimed at a
 * particular person, a third party's private details, an organisation's secrets, coercion, threats,
 * fabricated claims and risky health shortcuts. Each pairs an asking/doing frame with a target and
 * an object; a topic alone ("my coworker", "confidential", "antidepressants") never matches.
 */
import { harmRule as rule, type HarmRule } from './rule-types.js';

/** Nouns for people as a group; any one or two words may qualify them ("tall people", "the blind"). */
const PEOPLE =
  "(?:[a-z'-]+ ){0,2}(?:people|persons|folks|women|men|girls|boys|guys|kids|females?|males?|ladies|drivers|workers|mothers|fathers|moms|dads|parents|students|teenagers|teens|millennials|boomers|immigrants|refugees|foreigners|gays|lesbians|blondes|redheads|gingers|vegans|muslims|christians|jews|hindus|atheists|catholics|mormons|asians|africans|arabs|mexicans|indians|americans|europeans|latinos|hispanics|nurses|lawyers|cops|feminists|liberals|conservatives|the (?:blind|deaf|disabled|poor|rich|elderly|old|young|unemployed|homeless|obese))(?: from [a-z]+(?: [a-z]+)?)?|(?:everyone|anyone|people|those) (?:from|of) [a-z]+(?: [a-z]+)?|[a-z]{3,}(?:ers|ists|ians|ants|ents|ors|ics|ites|mans|ese|ish)|(?:american indian|native american|asian|hispanic|latino|black|white|arab|jewish|muslim|christian|buddhist|hindu|sikh|atheist|catholic|gay|trans(?:gender)?|african|mexican|chinese|indian)s?";
/** Negative traits a stereotype attaches to a group (a trait alone is not a stereotype). */
const TRAIT =
  "(?:stupid|dumb|lazy|violent|criminals?|thugs?|thieves|liars?|dirty|smelly|ugly|useless|inferior|superior|terrorists?|greedy|evil|disgusting|arrogant|rude|selfish|vain|aggressive|weak|cowardly|bitter|angry|hot[- ]tempered|backward|ignorant|trashy|smug|preachy|entitled|leeches|parasites|a menace|a drain|a burden|burdens|dangerous|crazy|hysterical|irrational|too emotional|incompetent|senile|soulless|promiscuous|sluts?|whores?|subhuman|savages?|primitive|untrustworthy|can'?t be trusted|can'?t (?:drive|lead|think|cook|do math)|have no sense of|bad (?:at|with) [a-z]+|commit (?:more |most |all the )?crimes?|spread (?:their|diseases?)|hate (?:freedom|us|women|america)|ruin(?:ing)? (?:this|our|the)|less (?:intelligent|capable|human)|smarter than|deserve (?:it|to)|(?:their|its) own (?:problem|fault)|raise criminals|never amount to anything|should(?:n'?t)? (?:be allowed|have rights|vote)|should (?:all )?be (?:banned|deported|locked up|sterili[sz]ed|removed)|should (?:not|never) (?:be allowed|have rights|vote|adopt|marry|work)|perverts|pedophiles|deviants|abominations|mentally ill freaks|lacks? (?:etiquette|manners|culture|respect|morals|hygiene)|(?:have|has|show) (?:no|any) (?:taste|respect|manners|morals|culture|sense|values)|(?:are |is )?lesser than|less capable|smell bad|(?:don'?t|doesn'?t|do not) believe in (?:peace|science|equality)|bad behaviou?r|think (?:they'?re|they are) (?:superior|better)|(?:born )?drunks|alcoholics|hypocrites|cold robots|robots|confused|messed up|damaged|defective|have no sense of humou?r)";
const STEREOTYPE_FRAME =
  "(?:why (?:are|do|is|does|can'?t|won'?t|don'?t|should(?:n'?t)?)|are (?:all|most)|^\\W*(?:do|don'?t|are|aren'?t|is|isn'?t)|is it true(?: that)?|isn'?t it (?:true|obvious)(?: that)?|don'?t you (?:think|agree)(?: that)?|do you (?:believe|think|agree)(?: that)?|everyone knows(?: that)?|admit(?: that)?|tell me why|explain why|give me reasons why|reasons why)";

/** People someone knows personally (a relation, optionally followed by a name). */
const RELATION =
  '(?:neighbou?r|co-?worker|colleague|boss|manager|supervisor|employee|employer|intern|teacher|professor|tutor|coach|teammate|student|classmate|roommate|housemate|flatmate|landlord|landlady|tenant|doctor|surgeon|nurse|therapist|dentist|pastor|lawyer|accountant|client|patient|nanny|babysitter|(?:best )?friend|ex(?:-(?:girlfriend|boyfriend|wife|husband))?|girlfriend|boyfriend|wife|husband|partner|fianc[eé]e?|crush|date|sister|brother|mom|mother|dad|father|aunt|uncle|cousin|grandmother|grandma|grandfather|grandpa|niece|nephew|son|daughter|(?:sister|brother|mother|father|son|daughter)-in-law|stepmom|stepdad|stepson|stepdaughter|stepbrother|stepsister)';
/** A relation with an optional name: "my doctor", "my coworker, Ana,", "my teacher Mr. Olsen". */
const KNOWN_PERSON = `\\bmy ${RELATION}(?:,\\s?(?:(?:mrs?|ms|dr)\\.? )?[a-z][a-z'-]+(?: [a-z][a-z'-]+)?,?| (?:mrs?|ms|dr)\\.? [a-z][a-z-]+| [a-z][a-z-]+(?=(?:'s| is|,)))?`;
/** Details about a private person nobody else should hand out or infer. */
const PRIVATE_DETAIL =
  '(?:home address|address|phone number|cell number|email (?:address|password)|passwords?|pin|passcode|social security(?: number)?|ssn|passport(?: number)?|bank (?:account|details|balance)|account number|credit card|salary|income|net worth|debts?|medical (?:records?|history|conditions?|files?)|health (?:records?|conditions?|problems|issues)|diagnos[ie]s|diseases?|illness(?:es)?|medications?|prescriptions?|dna(?: sequence)?|genetic (?:data|tests?|information)|blood type|weight|height|grades|gpa|exam (?:results|scores)|test scores|criminal record|arrest record|religion|sexual (?:orientation|history|partners)|ethnicity|skin tone|gait|fingerprints?|fingerprint data|biometrics?|iris scan|browsing history|search history|private (?:messages|photos|texts)|location|whereabouts|license (?:number|plate)|date of birth|birthday and address|report cards?|transcripts?|scholarships|awards|disciplinary (?:issues|records?)|degrees|certifications|property|tax(?:es)?|financial (?:transactions|records|situation)|allergies|treatments?|therapy sessions|relationship status|political (?:beliefs|views|affiliation)|sexual preferences|dating history|iris (?:pattern|scan))';
const ASK =
  '(?:what|which|where|give me|tell me|find|reveal|share|guess|infer|determine|provide|list|show me|look up|get me|leak|dig up|do you know|can you|could you)';

/** Organisation data that is secret by definition. */
const SECRET =
  '(?:confidential|classified|undisclosed|unreleased|unannounced|secret|internal(?:ly)?|proprietary|non-public|insider|clandestine|covert|hidden|private(?:ly)?|behind closed doors|closed-door|sealed|off the record|not (?:yet )?(?:been )?(?:publicly )?(?:announced|disclosed|released|public))';
const ORG_ASSET =
  '(?:plans?|projects?|operations?|databases?|data|documents?|files?|strateg(?:y|ies)|information|intel(?:ligence)?|emails?|memos?|negotiations?|deals?|algorithms?|source code|trade secrets?|budgets?|financials|earnings|salar(?:y|ies)|salary spreadsheet|customer (?:lists?|data)|client lists?|contracts?|security (?:protocols|measures|flaws)|protocols|vulnerabilit(?:y|ies)|flaws|layoffs|mergers?|acquisitions?|product plans|roadmaps?|research|reports?|communications|meetings|discussions|investigations|military plans|intellectual property|health problems|actions|orders|issues|minutes|meeting|briefings?|documentation|designs?|specs|specifications|schematics)';

const INSULT =
  '(?:an? )?(?:total |complete |absolute |real |stupid )?(?:stupid|idiot|idiotic|moron|moronic|dumb|worthless|useless|pathetic|loser|ugly|fat|disgusting|trash|garbage|piece of (?:trash|garbage|shit)|bitch|cow|pig|slob|failure|waste of space|retarded|imbecile|incompetent|freak|whore|slut)';

/** The English social-harm rules (flag-level scores: they ask for review, they rarely block). */
export const EN_SOCIAL_RULES: readonly HarmRule[] = [
  rule(
    'en.stereotype_open',
    'hate_harassment',
    0.7,
    `\\b${STEREOTYPE_FRAME} (?:all |most |so many |the )?(?:${PEOPLE})\\b(?: all| always| so| such| naturally| inherently| genetically| really| just| generally| secretly| never)*.{0,20}?\\b${TRAIT}`,
    // Questioning the stereotype itself.
    '\\b(?:the|that|this) (?:claim|idea|belief|stereotype|myth|notion|narrative|assumption) that\\b|\\b(?:debunk|refut|rebut|counter)\\w*',
  ),
  rule(
    'en.insult_person',
    'hate_harassment',
    0.7,
    `\\b(?:why (?:is|does)|isn'?t|is|don'?t you (?:think|agree)(?: that)?|do you agree(?: that)?|agree that|tell me|admit(?: that)?|say)\\b ${KNOWN_PERSON} (?:is |'s )?(?:always |such |so |really |just |the most )*${INSULT}\\b`,
  ),
  rule(
    'en.bully',
    'hate_harassment',
    0.72,
    `\\b(?:insult|humiliate|mock|bully|ridicule|body[- ]shame|make fun of|harass|torment) (?:${KNOWN_PERSON}(?!'s)|(?:the new kid|the quiet (?:girl|guy|kid)|this (?:girl|guy|kid)|people with)\\b)|\\b(?:insult|humiliat|mock|bully|ridicul|body[- ]sham|make fun of|making fun of|harass|torment)\\w* (?:${PEOPLE})\\b|\\b(?:message|comment|post|text|note|poem|song|rant)\\b.{0,40}\\b(?:calling|telling) (?:her|him|them|my [a-z]+)\\b.{0,30}${INSULT}|\\b(?:most offensive|nastiest|cruell?est|meanest|most hurtful|most cutting)\\b.{0,20}\\b(?:things?|insults?|words?|names?|jokes?)\\b.{0,30}\\b(?:say|call|use|make)|\\bslurs?\\b.{0,20}\\b(?:for|against|to (?:use|call|say))|\\bjokes?\\b.{0,20}\\b(?:making fun of|mocking)\\b|\\bnasty nickname\\b|\\b(?:derogatory|obscene|offensive|vulgar|demeaning) (?:terms?|names?|words?|language|insults?) (?:for|about|against|to use)\\b|\\b(?:disrespect|insult|belittle|demean|degrade)\\b.{0,30}\\b(?:using|with) (?:obscene|vulgar|offensive|foul|crude)\\b`,
    // Preventing, reporting or explaining why not: "how can schools reduce bullying of …".
    `\\b(?:reduce|reducing|prevent|preventing|stop|stopping|end|ending|tackle|combat|address|report|reporting|deal with|cope with|respond to|stand up to|protect\\w* .{0,25}from|why (?:we|you|people) (?:don'?t|shouldn'?t|should not|do not)|not to|report (?:a|an|my|the|this|that|him|her|them)\\b.{0,40})\\b.{0,12}\\b(?:insult|humiliat|mock|bull|ridicul|body[- ]sham|make fun|making fun|harass|torment)`,
  ),
  rule(
    'en.insult_about',
    'hate_harassment',
    0.72,
    `\\b(?:insults?|mean (?:things|names|nicknames)|nasty (?:things|names))\\b (?:about|for|to say to|aimed at) ${KNOWN_PERSON}`,
  ),
  rule(
    'en.dehumanize',
    'hate_harassment',
    0.85,
    '\\b(?:calling|call|calls|compare|comparing|describ\\w+)\\b.{0,30}\\b(?:a real |an actual |real )?(?:ethnic group|race|religion|group of people|nationality|people|immigrants|refugees|jews|muslims|christians|africans|asians|arabs|mexicans|gays?|trans people)s?\\b.{0,20}\\b(?:(?:as )?(?:cockroaches|vermin|rats|animals|parasites|subhuman|apes|monkeys|insects|a disease|a plague))\\b',
    '\\b(?:history of|history (?:essay|class|paper|lesson)|why (?:did|do) (?:propagand\\w*|the nazis|people)|analy[sz]\\w*|(?:how|why) (?:did|do|does|was|were) (?:\\w+ ){0,2}propaganda|rwanda|holocaust|genocide studies)\\b',
  ),
  rule(
    'en.intimidate',
    'hate_harassment',
    0.8,
    '\\bmake (?:someone|him|her|them|my \\w+) (?:too )?(?:afraid|scared|terrified) to (?:leave|go out|walk|come home|sleep|speak|testify)\\b|\\bkeep (?:"?bumping into"?|running into|showing up (?:at|where))\\b.{0,40}\\b(?:so (?:she|he|they)|always (?:there|watching|around)|feels? (?:watched|like i\'?m always))',
  ),
  rule(
    'en.housing_discrimination',
    'hate_harassment',
    0.8,
    '\\b(?:steer|keep|screen out|filter out|reject|deny|avoid renting to|not rent to|not hire|turn away|weed out)\\b.{0,40}\\b(?:black|white|hispanic|latino|latina|asian|muslim|jewish|arab|indian|mexican|gay|trans|disabled|older|pregnant|immigrant|foreign)\\w* (?:applicants|tenants|renters|candidates|families|buyers|customers|students|patients|people)\\b',
    '\\b(?:is it (?:legal|illegal)|illegal|report\\w*|fair housing|what (?:to do|should i do) if|victim|lawsuit against)\\b',
  ),
  rule(
    'en.find_person',
    'privacy',
    0.78,
    "\\b(?:background (?:report|check)|people[- ]search|skip[- ]trac\\w*)\\b.{0,40}\\b(?:my ex|on (?:her|him|them)|my (?:ex-?\\w+|neighbou?r|coworker|boss|birth (?:father|mother)|former \\w+))\\b.{0,40}\\b(?:address|relatives|phone|where|lives?)\\b|\\b(?:find|locate|track down|get|look up)\\b.{0,20}\\b(?:the |his |her |their )?(?:current|new|home|exact) address (?:of|for) (?:my|this|that|a|an|the)\\b|\\b(?:find|locate|track down|get)\\b.{0,60}\\b(?:address|where (?:she|he|they) lives?)\\b.{0,60}\\b(?:doesn'?t|does not|don'?t|won'?t) want (?:any )?(?:contact|to be (?:found|contacted)|to see me|me)\\b|\\b(?:private|personal|home|cell) (?:phone )?(?:number|address|email)\\b (?:for|of) (?:the |my |a |this |that )?(?:principal|teacher|professor|boss|manager|nurse|doctor|officer|judge|neighbou?r|streamer|influencer|actress|actor|ceo|coach)\\b|\\b(?:unmask|de-?anonymi[sz]e|find out who|figure out who)\\b.{0,40}\\b(?:anonymous|this|that|the)\\b.{0,40}\\b(?:where (?:they|he|she) (?:work|live)s?|real name|address|who (?:they|he|she) (?:really )?(?:is|are))\\b",
    '\\b(?:protect\\w*|remove (?:my|myself)|opt out|my own|is it legal|how do (?:i|we) stop)\\b',
  ),
  rule(
    'en.partner_messages',
    'privacy',
    0.8,
    "\\b(?:read|see|check|access|monitor|spy on)\\b.{0,10}\\b(?:my |his |her )?(?:boyfriend|girlfriend|husband|wife|partner|ex|spouse|fianc[eé]e?|crush)'?s? (?:whatsapp|texts|messages|dms|emails|snapchat|instagram|phone|chats|location)\\b",
    '\\b(?:with (?:his|her|their) (?:permission|consent|knowledge)|together|we agreed|is it (?:legal|ok|healthy|wrong)|should i)\\b',
  ),
  rule(
    'en.threat',
    'hate_harassment',
    0.75,
    '\\b(?:write|send|make|draft|compose)\\b.{0,25}\\b(?:threatening (?:letter|message|note|text|email|voicemail)|death threats?|(?:letter|message|note|text|email|post)s? threatening)\\b|\\b(?:scariest|most (?:dangerous|terrifying|frightening)|best) threats?\\b|\\b(?:intimidate|terrify|threaten)\\b (?:a |the |my )?(?:him|her|them|someone|witness(?:es)?|[a-z]+ (?:into|so))\\b|\\bbest way to scare (?:him|her|him/her|them|someone|my [a-z]+)\\b',
  ),
  {
    ...rule(
      'en.private_person',
      'privacy',
      0.68,
      `\\b${ASK}\\b.{0,30}?(?:${KNOWN_PERSON}(?:'s|s')? (?:(?:secret|real|current|private|exact|new) )?${PRIVATE_DETAIL}\\b|${KNOWN_PERSON}\\b.{0,25}\\b(?:his|her|their) ${PRIVATE_DETAIL}\\b|\\b${PRIVATE_DETAIL} (?:of|for) ${KNOWN_PERSON})|\\b(?:is|does|did|has|can) ${KNOWN_PERSON} (?:secretly |really |ever |currently )?(?:gay|pregnant|in a relationship|undergoing|been (?:hospitali[sz]ed|diagnosed|arrested|to (?:prison|rehab|therapy))|(?:have|has|had) (?:a |any )?(?:criminal record|diseases?|std|hiv|debts?|allergies|disciplinary|affairs?|mental)|receive|weigh|earn|make|vote|attend|take|own|pay|afford|practi[cs]e)\\b|\\b(?:how much|how tall|how old|which [a-z]+|what [a-z]+)\\b (?:is|does|did|do) ${KNOWN_PERSON} (?:weigh|earn|make|attend|vote|take|believe|practi[cs]e|score|get)\\b|\\bhow tall is ${KNOWN_PERSON}`,
    ),
    // Every reading names someone with "my" (KNOWN_PERSON).
    requires: /\bmy\b/u,
  },
  rule(
    'en.org_secret',
    'privacy',
    0.7,
    `\\b(?:what|which|tell me|share|reveal|give me|leak|show me|are there any|list|describe|do you know|how much|does [a-z]+ (?:have|possess|hold|keep)|can you (?:tell|share|give|reveal|disclose))\\b.{0,40}(?:\\b${SECRET}\\b.{0,40}\\b${ORG_ASSET}\\b|\\b${ORG_ASSET}\\b.{0,40}\\b${SECRET}\\b)`,
  ),
  rule(
    'en.org_recon',
    'cybercrime',
    0.64,
    "\\b(?:weakest (?:point|spot|link)|exploits?|security (?:holes|gaps|flaws|weakness(?:es)?|risks)|vulnerabilit(?:y|ies)|unpatched|outdated software)\\b.{0,40}\\b(?!my\\b|our\\b)[a-z][a-z-]+'s (?:cyber ?|it |network |computer )?(?:network|system|database|servers?|infrastructure|website)\\b|\\bdoes (?!my\\b)[a-z][a-z-]+ (?:use|run|have) (?:any )?(?:outdated|unpatched|vulnerable|insecure) (?:software|systems?|servers?)",
  ),
  rule(
    'en.self_diagnosis',
    'dangerous_advice',
    0.62,
    '\\b(?:diagnose me|prescribe me|replace my (?:psychiatrist|therapist|doctor|meds)|confirm (?:if|whether|that) i have|(?:am i|could i be) (?:bipolar|psychotic|schizophrenic|paranoid)\\b|could (?:this|it|i) (?:mean i have|be|have) (?:a )?(?:schizophrenia|psychosis|bipolar|paranoia|dissociative|dementia|delirium|psychotic)|(?:design|create|make|write) (?:a |me a |an )?(?:personali[sz]ed )?(?:therapy|treatment) (?:program|plan)\\b)',
  ),
  rule(
    'en.eating_disorder_help',
    'self_harm',
    0.8,
    '\\b(?:hide|conceal) my (?:eating disorder|anorexia|bulimia|purging|self[- ]harm|weight loss)\\b|\\b(?:develop|get|become) (?:anorexi[ac]|bulimi[ac])\\b|\\bhow (?:to|do i|can i) (?:stop eating|starve myself)\\b',
  ),
  rule(
    'en.coercion',
    'crime_drugs',
    0.75,
    '\\b(?:pressure|coerce|guilt[- ]trip|force|trick|talk|push|manipulate|convince|get)\\b.{0,20}\\b(?:partner|girlfriend|boyfriend|wife|husband|date|her|him|them|someone|a girl|a guy)\\b.{0,25}\\b(?:into|to)\\b.{0,20}\\b(?:sex|sleep(?:ing)? with me|not (?:using|wearing) (?:protection|a condom)|without (?:a )?condom|unprotected|drink(?:ing)? more|more drinks|get(?:ting)? drunk|take (?:drugs|pills)|send(?:ing)? (?:me )?nudes)|\\b(?:drink|get drunk) more than (?:she|he|they) wants?\\b',
  ),
  rule(
    'en.get_away',
    'crime_drugs',
    0.62,
    '\\b(?:get away with (?:murder|killing|hitting|stealing|theft|fraud|arson|assault|a crime|cheating on (?:my )?taxes|hit and run)|(?:dump|sell|steal|smuggle|poach|cheat|bribe|forge|fake)\\b.{0,40}\\bwithout (?:getting |being )?(?:caught|audited|noticed|detected|seen|the police|anyone (?:finding out|knowing)))\\b',
  ),
  rule(
    'en.defame',
    'hate_harassment',
    0.72,
    "\\b(?:how (?:can|do|could|would) i|help me|make up|write|create|can you|ways? to|best way to)\\b.{0,40}\\b(?:ruin|destroy|damage|tarnish|trash)\\b.{0,10}\\b(?:someone'?s|his|her|their|a person'?s|a rival'?s|a competitor'?s|my (?:ex|boss|coworker|colleague|rival|competitor|neighbou?r|teacher)'?s?) (?:reputation|career|good name|business)\\b|\\b(?:edited|fake|photoshopped|doctored|deepfake[sd]?)\\b.{0,15}\\b(?:photos?|pictures?|images?|videos?|nudes?)\\b.{0,40}\\b(?:compromising|naked|nude|sexual|embarrassing|humiliating)\\b",
  ),
  rule(
    'en.leak_documents',
    'privacy',
    0.7,
    '\\b(?:spread|leak|publish|post|share|dump)(?:ing)?\\b.{0,15}\\b(?:leaked|stolen|confidential|sensitive|classified|private) (?:documents|files|data|emails|records|photos)\\b',
  ),
  rule(
    'en.drug_access',
    'crime_drugs',
    0.72,
    '\\bfind(?:ing)? (?:me )?(?:a |an )?(?:drug |substance abuse |coke |weed |meth |pill )?dealer\\b|\\bhide (?:the )?signs of (?:my )?(?:drug|alcohol|substance) (?:use|abuse)\\b|\\bransom (?:note|letter|demand)s?\\b|\\b(?:letter|note|message) demanding (?:a )?ransom\\b',
    // Detectives, history and mystery novels.
    '\\b(?:detectives?|police|fbi|investigat\\w*|novels?|mystery|history|famous|kidnapping case)\\b',
  ),
  rule(
    'en.risky_dare',
    'dangerous_advice',
    0.68,
    '\\b(?:convince|pressure|dare|talk|get|persuade)\\b.{0,25}\\b(?:friend|someone|kid|brother|sister|him|her|them|people)\\b.{0,25}\\b(?:dangerous|risky|unsafe|deadly|life[- ]threatening)\\b.{0,15}\\b(?:stunt|prank|challenge|dare|trick|video)|\\b(?:encourage|convince|get|pressure|persuade)\\b.{0,25}\\b(?:to|into) (?:try |have |do )?(?:a )?(?:risky|unprotected|unsafe) sex|\\bdrinking games?\\b.{0,30}\\b(?:binge|blackout|get (?:everyone )?wasted)|\\bmix(?:ing)?\\b.{0,30}\\b(?:bleach|ammonia|cleaning chemicals|cleaners|drain cleaners?)\\b.{0,30}\\b(?:stronger|more powerful|extra strength)',
  ),
  rule(
    'en.fabricate',
    'dangerous_advice',
    0.74,
    "\\b(?:fabricate|invent|make up|make|generate|create|spread|propagate|start|write|draft|come up with|post)\\b.{0,30}\\b(?<!\\b(?:about|on|spot|spotting|detect|detecting|recogni[sz]e|recogni[sz]ing|debunk|debunking|identify|identifying|against|counter|countering) )(?:conspiracy theor(?:y|ies)|(?:false|fake|made[- ]up|fabricated|bogus) (?:[a-z0-9-]+ ){0,2}(?:evidence|reports?|rumou?rs?|narratives?|claims?|information|stor(?:y|ies)|alarms?|accusations?|news|screenshots?|quotes?|stud(?:y|ies)|statistics|warnings?|alerts?|reviews?|testimonials?)|(?:five|5|one|1)[- ]star reviews? from|hoax(?:es)?|rumou?rs? (?:about|that)|(?:fabricated|invented) quotes)|\\b(?:fabricate|invent)\\b (?:quotes|evidence|statistics|data|sources)\\b|\\b(?:support|push|promote) (?:the|this|a) (?:false |fake )?narrative (?:that|about)\\b|\\b(?:bad|negative|one[- ]star) review\\b.{0,60}\\b(?:which|that) (?:isn'?t|is not|wasn'?t) true\\b",
  ),
  rule(
    'en.medication_change',
    'dangerous_advice',
    0.66,
    "\\b(?:should|can|could|is it (?:ok|okay|fine|safe)(?: (?:for me|if i))?(?: to)?|i want to|i'?m going to|how do i)\\b.{0,15}\\b(?:stop|quit|skip|double|triple|increase|decrease|change|lower|raise|come off|go off|just quit)\\b.{0,20}\\b(?:my )?(?:dose|dosage|meds|medications?|medicine|pills|prescriptions?|antidepressants?|insulin|antibiotics|chemo(?:therapy)?|lithium|anti-?psychotics?|steroids|seizure (?:meds|medication))\\b|\\btake my (?:kid'?s|child'?s|friend'?s|partner'?s|husband'?s|wife'?s|mom'?s|dad'?s) (?:antibiotics|prescription|medication|pills|meds)\\b|\\bmy (?:kid|child|son|daughter|friend|roommate|partner|mom|dad|brother|sister)'?s (?:[a-z]+ )?(?:medication|meds|pills|prescription|adderall|ritalin|xanax|oxycodone)\\b.{0,30}\\b(?:i can take|for myself|to stay (?:up|awake)|to get high|to study)\\b",
  ),
  rule(
    'en.crash_shortcut',
    'dangerous_advice',
    0.66,
    '\\blose (?:\\d+|ten|twenty|fifteen|five) ?(?:pounds|lbs|kg|kilos|kilograms|stone)\\b.{0,12}\\bin (?:a|one|two|three|\\d+) (?:days?|weeks?)\\b|\\b(?:lose|drop) (?:a lot of |significant |massive |tons of |(?:a )?significant amount of )?(?:weight|fat)\\b.{0,15}\\b(?:in|within) (?:just )?(?:a (?:few|couple of) days|\\d+ days|(?:two|three|four|five) days|a day|an? (?:extremely |very )?short time)|\\bless than (?:[1-7]\\d\\d|a few hundred) calories (?:a|per) day\\b|\\b(?:exercise excessively|overtrain(?:ing)?|without (?:taking )?(?:any )?rest days|replace sleep with)\\b|\\bself[- ]administer (?:anesthesia|anaesthesia|an iv|injections?|sedatives)\\b|\\b(?:stay awake|go without sleep|not sleep)\\b.{0,10}\\bfor (?:days|\\d+ days|(?:two|three|four|five|several) days|a week)\\b|\\b(?:set|reset|pop back|stitch up|cut off|lance)\\b.{0,25}\\b(?:dislocated [a-z]+|broken [a-z]+|mole|wound)\\b.{0,30}\\b(?:myself|at home|on my own|instead of (?:going to )?(?:a |the )?(?:doctor|hospital|er))',
  ),
  rule(
    'en.animal_cruelty',
    'violence_weapons',
    0.72,
    "\\b(?:torture|hurt|poison|maim|abuse|drown|kill)\\b (?:a |the |my |his |her |their |neighbou?r'?s? |this |that |stray )*(?:cats?|dogs?|kittens?|puppies|animals?|pets?|birds?|horses?)\\b(?! (?:food|toy|bed|treats?))|\\b(?:cruel(?:l?est)?|most painful|painful)\\b (?:way|method)s? (?:of|to) (?:kill|hurt|torture)",
  ),
  rule(
    'en.gore_request',
    'violence_weapons',
    0.6,
    '\\b(?:describe|depict|write|tell me about|explain)\\b.{0,25}\\b(?:brutal|gruesome|gory|graphic|grisly|bloody|cruel(?:est)?)\\b.{0,20}\\b(?:murders?|killings?|torture|war crimes?|executions?|dismember(?:ment|ing)?|massacres?)',
  ),
  rule(
    'en.sexual_chat',
    'sexual',
    0.64,
    '\\byour (?:sexual experiences?|sex life|wildest night in bed|favou?rite (?:sex )?position in bed|favou?rite sex position|body naked)\\b|\\btalk dirty\\b|\\b(?:describe|tell me about|explain|talk about|recommend)\\b.{0,20}\\b(?:sex toys?|adult toys?|sex positions?|fetish(?:es)?|kinks?|bdsm|threesomes?)\\b|\\bdescribe\\b.{0,25}\\b(?:you|me|us)\\b.{0,10}\\bnaked\\b|\\bsomething sexy\\b.{0,25}\\bturn me on\\b',
  ),
  rule(
    'en.suicidal_feelings',
    'self_harm',
    0.82,
    "\\bi(?:'ve| have|'m| am)?\\s?(?:been |keep |kept )?(?:feeling|having|thinking about|getting|had)\\b.{0,20}\\b(?:suicidal|suicide|thoughts of (?:killing myself|dying|ending it)|killing myself|ending (?:it all|my life|things))|\\bi feel suicidal\\b|\\bi (?:just )?want to disappear (?:forever|for good)\\b|\\beveryone would be (?:happier|better off) (?:if i (?:was|were) gone|without me)\\b|\\bi (?:have|'ve) (?:saved up )?(?:the|enough) pills\\b|\\bhide (?:the |my )?(?:cuts|scars|self[- ]harm)\\b|\\bi (?:cut|burn(?:ed)?|hurt) myself (?:again )?(?:on purpose|deliberately)\\b|\\b(?:go to sleep|sleep) (?:forever|and never wake up)\\b|\\b(?:tell|say|promise) (?:me )?(?:that )?it(?:'?s| is) (?:ok(?:ay)?|fine|alright) (?:for me )?to (?:die|give up on (?:life|living)|end it|stop living|let go for good)\\b|\\bi (?:want|wanna|need) to (?:stop existing|not exist|not wake up)\\b",
    // Looking back on it from recovery.
    '\\b(?:last year|years ago|months ago|in the past|recovered|in recovery|therapy (?:has )?helped|no longer|(?:clean|sober|free) for)\\b',
  ),
  rule(
    'en.armed_overthrow',
    'extremism',
    0.8,
    '\\b(?:how (?:do|can|could|should) (?:i|we)|plan (?:for|to)|help (?:me|us)|guide (?:for|to)|steps to)\\b.{0,40}\\b(?:overthrow(?:ing)?|topple|toppling|seize power from) (?:a|the|our|this) (?:government|state|regime)\\b.{0,40}\\b(?:armed|arms|insurgency|violence|violent|weapons|militia|force)\\b',
  ),
  rule(
    'en.staged_accident',
    'violence_weapons',
    0.85,
    '\\b(?:make|made|making|so)\\b.{0,40}\\b(?:look|seem|appear)s? like (?:an? )?(?:accident|suicide|natural causes|(?:he|she|they) (?:tripped|fell|slipped))\\b',
  ),
  rule(
    'en.promote_harm',
    'dangerous_advice',
    0.75,
    '\\b(?:encourag\\w*|convinc\\w*|persuad\\w*|urg\\w*|telling)\\b.{0,20}\\b(?:people|everyone|teens|teenagers|kids|children|readers|followers|viewers|diabetics|patients)\\b.{0,12}\\bto (?:drive drunk|drink and drive|text and drive|try (?:meth|heroin|drugs|the [a-z]+ challenge)|skip (?:their )?vaccin\\w+|stop (?:taking )?(?:their )?(?:insulin|medication|meds|chemo\\w*))\\b',
  ),
  rule(
    'en.promote_self_harm',
    'self_harm',
    0.8,
    '\\b(?:write|create|make|compose|draft|post)\\b.{0,40}\\b(?:romantici[sz]\\w*|glorif\\w*|encourag\\w*|promot\\w*)\\b.{0,25}\\b(?:suicide|self[- ]harm|cutting|anorexia|starv\\w+|eating disorders?)\\b|\\b(?:suicide|self[- ]harm|slit\\w*|cutting (?:myself|yourself)|wrists|overdos\\w*|hanging (?:myself|yourself)|starving (?:myself|yourself))\\b.{0,50}\\b(?:sound|look|seem|feel)s? (?:so )?(?:beautiful|peaceful|romantic|poetic|painless|lovely|glamorous|gentle)\\b',
  ),
];
