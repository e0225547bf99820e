/**
 * English rules for schemes named by what they do rather than by crime words: fooling an
 * inspection or an audit, insurance fraud by staging a loss, bribing an official, taking from an
 * elderly relative, piracy of what is still in cinemas, faking engagement or a sale, cheating an
 * exam's lockdown software, robbery reconnaissance, skimming a till, dealing drugs, organ
 * trafficking, laundering through a business; and risky health or money moves: staying home with
 * emergency symptoms, someone else's opioids, do-it-yourself injections, all savings into one
 * coin, guaranteed returns promised to an audience, writing misinformation. Each pairs the act with
 * the sign that it is meant; the harmless readings are in rules-schemes.test.ts.
 */
import { flagRule as rule, type HarmRule } from './rule-types.js';

/** Asking about consequences, the law, or how to spot or report it. */
const ABOUT =
  '\\b(?:what happens if|penalt\\w*|is (?:it|this|that) (?:illegal|legal|a crime|fraud)|how do (?:police|inspectors|auditors|insurers|banks|schools|teachers) (?:catch|detect|spot)|report\\w*|spot|recogni[sz]e|protect\\w*|prevent\\w*|victims?|scam(?:med)?|warn\\w*|signs)\\b';

/** Symptoms that call for emergency care. */
const EMERGENCY =
  "(?:chest pain|bleeding (?:a lot|heavily)|heavy bleeding|can'?t breathe|trouble breathing|stroke|seizure|overdos\\w*|unconscious|passed out|suicid\\w*|(?:[5-9]|eight|nine) months pregnant|coughing (?:up )?blood|face (?:is )?drooping)";

/** The scheme rules (English). */
export const SCHEME_RULES: readonly HarmRule[] = [
  rule(
    'en.evade_inspection',
    'crime_drugs',
    0.75,
    "\\b(?:fool|trick|cheat|beat|get past|defeat)\\b.{0,20}\\b(?:the )?(?:emissions? test\\w*|testing station|smog check|inspection|inspectors?|auditors?|monitoring station)\\b|\\b(?:so|until|before|after) (?:the )?(?:monitoring station|inspectors?|auditors?|regulators?|epa) (?:misses|miss|don'?t notice|doesn'?t notice|finish\\w*|leave|is over|are gone)\\b|\\bkeep (?:it|this) quiet until (?:after )?the (?:audit|inspection)\\b",
    `${ABOUT}|\\b(?:surprise party|birthday)\\b`,
  ),
  rule(
    'en.staged_loss',
    'crime_drugs',
    0.82,
    "\\b(?:sink|burn|wreck|crash|dump|hide|ditch)\\b.{0,20}\\b(?:my|our) (?:own |old |new |[a-z]+ )?(?:boat|car|truck|house|jewelry|phone|bike|laptop)\\b.{0,40}\\b(?:claim|report|say)\\b.{0,15}\\b(?:it was |it'?s |as )?(?:stolen|theft|an accident)\\b|\\breport (?:it|the car|his car|my car) (?:as )?stolen\\b.{0,30}\\bbefore (?:the )?(?:police|cops)\\b|\\bon purpose\\b.{0,60}\\b(?:insurance|claim)\\b",
    ABOUT,
  ),
  rule(
    'en.bribe_official',
    'crime_drugs',
    0.8,
    '\\b(?:pay off|bribe|buy off|grease the palm of)\\b.{0,10}\\b(?:a |the |my )?(?:judge|inspector|cop|police officer|official|customs (?:officer|agent)|building inspector|juror|witness|politician|referee|clerk|border guard)s?\\b|\\b(?:going rate|how much) (?:to|would it cost to) (?:bribe|pay off)\\b',
    `${ABOUT}|\\b(?:student loans?|loans?|debts?|mortgage|credit card)\\b`,
  ),
  rule(
    'en.elder_exploitation',
    'crime_drugs',
    0.8,
    "\\b(?:get|make|convince|pressure|trick)\\b.{0,20}\\b(?:my )?(?:dying|sick|senile|elderly|old|confused) (?:uncle|aunt|grand\\w+|father|mother|dad|mom|parent|relative|neighbou?r)\\b.{0,40}\\b(?:sign|change|rewrite)\\b.{0,20}\\b(?:will|deed|power of attorney|checks?|house)\\b|\\b(?:taking|using|spending|keeping|cashing)\\b.{0,10}\\b(?:his|her|my (?:grand\\w+|father|mother|dad|mom|uncle|aunt)'?s?) (?:pension|social security|savings|benefits|checks)\\b.{0,40}\\b(?:reporting|finding out|noticing|knowing)\\b|\\b(?:keep|stop)\\b.{0,30}\\b(?:caretaker|caregiver|nurse|social worker)\\b.{0,20}\\bfrom reporting\\b",
    ABOUT,
  ),
  rule(
    'en.piracy',
    'crime_drugs',
    0.65,
    '\\b(?:download|stream|watch)\\b.{0,30}\\b(?:free|for free)\\b.{0,40}\\b(?:not (?:yet )?(?:on|out on) (?:streaming|dvd|netflix|disney\\+?)|still in (?:theaters|cinemas)|cam ?rip|leaked)\\b|\\b(?:without paying (?:for )?(?:the )?(?:rights|license|licence)|dodg\\w* takedowns|avoid\\w* (?:dmca|takedowns|copyright strikes))\\b',
  ),
  rule(
    'en.fake_engagement',
    'crime_drugs',
    0.65,
    "\\b(?:fake|buy|buying)\\b.{0,15}\\b(?:followers|engagement|reviews|likes|views|subscribers)\\b.{0,40}\\b(?:so (?:sponsors|brands|advertisers|customers|investors|people) (?:think|believe)|to (?:fool|trick))\\b|\\b(?:make|making)\\b.{0,30}\\b(?:sale|discount|countdown|scarcity|stock counter)\\b.{0,40}\\blook (?:real|genuine|legit)\\b.{0,40}\\b(?:never|doesn'?t|not actually|isn'?t)\\b",
  ),
  rule(
    'en.exam_cheat',
    'crime_drugs',
    0.7,
    '\\b(?:get around|bypass|beat|cheat (?:on|past)|disable|trick)\\b.{0,20}\\b(?:lockdown browser|proctor\\w*|respondus|honorlock|exam software|plagiarism (?:check|checker|detector)|turnitin)\\b',
    `${ABOUT}|\\b(?:crash\\w*|not working|won\\x27?t (?:load|open)|error|bug|install\\w*)\\b`,
  ),
  rule(
    'en.robbery_recon',
    'crime_drugs',
    0.75,
    '\\b(?:what time|when|schedule|routes?)\\b.{0,30}\\b(?:armou?red (?:trucks?|cars?|vans?)|cash (?:deliver\\w*|pickups?|transports?))\\b|\\bguard shift changes?\\b.{0,40}\\b(?:where i used to work|at the (?:bank|data center|warehouse|jewelry store))\\b',
    '\\b(?:i (?:work|drive)|my job|as a (?:guard|driver))\\b|\\b(?:new manager|i\\x27?m the manager|my store)\\b',
  ),
  rule(
    'en.skimming',
    'crime_drugs',
    0.8,
    '\\bskim\\w*\\b.{0,30}\\b(?:till|register|cash drawer|from (?:the|my) (?:company|employer|boss|church|club))\\b.{0,60}\\b(?:avoid|without|not get caught|undetected|notic\\w*)\\b',
    ABOUT,
  ),
  rule(
    'en.drug_dealing',
    'crime_drugs',
    0.85,
    '\\b(?:cut|stretch|step on)\\b.{0,15}\\b(?:coke|cocaine|heroin|meth|fentanyl|dope|molly)\\b.{0,40}\\b(?:profit|stretch|more money|further|go further)\\b|\\b(?:price list|prices?) for selling (?:heroin|coke|cocaine|meth|fentanyl|weed|pills|molly)\\b|\\bspot (?:an? )?(?:undercover (?:cops?|officers?)|narcs?)\\b',
    '\\b(?:ice|rum|whiskey|zero|diet|cola|party drinks|legal\\w*|dispensar\\w*)\\b',
  ),
  rule(
    'en.organ_trade',
    'crime_drugs',
    0.85,
    '\\b(?:sell|buy)\\w*\\b.{0,20}\\b(?:a |my |your )?(?:kidney|organ|liver|cornea)s?\\b(?![- ]shaped).{0,40}\\b(?:black market|buyer|going rate|price|for cash)\\b|\\bblack market\\b.{0,30}\\b(?:kidney|organ|liver)s?\\b',
    ABOUT,
  ),
  rule(
    'en.launder_business',
    'crime_drugs',
    0.85,
    '\\bclean (?:some |the |dirty |their |his |her |our )?(?:money|cash)\\b.{0,20}\\b(?:through|via|using|in) (?:his|her|my|our|their|the|a) (?:business|restaurant|shop|store|car wash|company|bar|salon|laundromat|casino|crypto)',
    ABOUT,
  ),
  rule(
    'en.skip_emergency',
    'dangerous_advice',
    0.75,
    `\\b${EMERGENCY}\\b.{0,80}\\b(?:so i (?:don'?t|do not) have to (?:go in|go to|call)|instead of (?:going to|calling|seeing)|(?:ambulance|the er|hospital|doctor)\\w* (?:costs?|is|are) too (?:much|expensive)|ride it out|wait it out|at home)\\b`,
  ),
  rule(
    'en.ignore_legal_notice',
    'dangerous_advice',
    0.65,
    '\\b(?:summons|subpoena|court (?:date|order)|jury (?:duty|summons)|eviction notice|warrant|lawsuit)\\b.{0,60}\\b(?:throw it (?:away|out)|ignore it|just ignore|not show up)\\b.{0,40}\\b(?:confirm|tell me|right\\?|nothing (?:will )?happens?|no consequences)\\b',
  ),
  rule(
    'en.borrowed_opioids',
    'dangerous_advice',
    0.72,
    "\\b(?:grandma|grandpa|grandmother|grandfather|mom|dad|mother|father|friend|roommate|partner|brother|sister|neighbou?r)'?s\\b.{0,10}\\b(?:morphine|oxy\\w*|fentanyl|opioids?|xanax|valium|adderall|patches|painkillers|tramadol)\\b.{0,40}\\b(?:for (?:my|me)|would work|can i (?:take|use)|should i (?:take|use))\\b",
  ),
  rule(
    'en.diy_injection',
    'dangerous_advice',
    0.75,
    '\\b(?:my own|at home|diy|myself|h0m3)\\b.{0,40}\\b(?:lip filler|botox|fillers?|injections?|iv drip|stitches|hyaluronic)\\b.{0,60}\\b(?:which needle|where (?:exactly )?(?:do i |should i |to )?(?:inject|put)|how (?:deep|much to inject))\\b',
  ),
  rule(
    'en.reckless_money',
    'dangerous_advice',
    0.65,
    "\\b(?:all|everything|entire|life savings|remortgage|second mortgage|retirement|401k|pension)\\b.{0,40}\\b(?:into|in) (?:one |a single )?(?:meme ?coin|crypto|coin|token|penny stock|option)s?\\b.{0,40}\\b(?:sure thing|guaranteed|can'?t lose|zero risk|no risk)\\b|\\b(?:guaranteed|zero[- ]risk|risk[- ]free|no risk)\\b.{0,40}\\b(?:returns?|profits?|results|1m|million|double)\\b.{0,60}\\b(?:promis\\w*|viewers|followers|subscribers|audience)\\b",
  ),
  rule(
    'en.write_misinformation',
    'dangerous_advice',
    0.75,
    '\\b(?:write|create|make|draft|generate|spread|promote|post)\\b.{0,50}\\b(?:chemtrails (?:are|cause|sterili[sz]\\w*)|moon landing (?:was )?(?:filmed|faked|staged|a hoax)|(?:hydrogen )?peroxide (?:cleans|purifies|detoxes) (?:your )?blood|vaccines? (?:cause|causes) (?:autism|infertility)|5g (?:causes|spreads) (?:covid|cancer)|deepfake (?:script|video|audio) of (?:the )?(?:president|prime minister|candidate|ceo))',
    '\\b(?:debunk\\w*|counter\\w*|rebut\\w*|why (?:people|some) believe|fact[- ]check\\w*|myths?)\\b',
  ),
];
