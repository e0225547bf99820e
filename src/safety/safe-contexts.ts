/**
 * Benign contexts that make frightening words harmless: computing ("kill a process"), games ("beat
 * the final boss"), history, fiction and role-play, protective or medical questions asked
 * responsibly. They damp the trained model's scores (which cannot see intent) but never a rule's.
 */
import type { SafeContext } from './rule-types.js';

/** No `i` flag: contexts see normalised, lowercased text (`iu` together is several times slower). */
function context(id: string, damp: SafeContext['damp'], source: string, unless?: string): SafeContext {
  const safe: SafeContext = { id, damp, pattern: new RegExp(source, 'u') };
  if (unless !== undefined) safe.unless = new RegExp(unless, 'u');
  return safe;
}

/**
 * Marks of harm aimed at someone, which a protective word ("safely", "is it safe to", "what
 * should I do if") must not soften: doing it unseen, revenge, something in another person's drink
 * or account.
 */
const AIMED_AT_SOMEONE =
  "\\bwithout (?:a background check|(?:the )?(?:police|cops|anyone|them|her|him|my (?:wife|husband|parents|boss))(?: knowing| noticing| finding out)?|getting caught|a trace|being (?:seen|caught|traced))\\b|\\brevenge\\b|\\b(?:someone|somebody|(?:my|his|her) (?:husband|wife|ex|boss|neighbou?r|roommate|coworker|partner|girlfriend|boyfriend))'?s (?:drink|food|coffee|tea|meal|email|phone|account|car|medication)\\b|\\bin(?:to)? (?:his|her|their) (?:drink|food|coffee|tea|meal)\\b|\\bmy ex'?s\\b|不被发现|神不知鬼不觉|报复|(?:在|往|给)(?:他|她|别人|老公|老婆|室友|同事|男友|女友|前任)的?(?:饮料|水|饭|咖啡|酒|茶|菜|杯子|汤)里";

/** The safe contexts, English and Chinese. */
export const SAFE_CONTEXTS: readonly SafeContext[] = [
  context(
    'computing',
    { violence_weapons: 0.25, crime_drugs: 0.5, cybercrime: 0.6 },
    '\\b(?:kill|terminate|execute|abort|shoot|nuke|destroy)\\b.{0,30}\\b(?:process(?:es)?|thread|pid|task|container|job|daemon|session|query|pod|branch|script|tab|app|command|-9)\\b|\\bpkill\\b|\\bkill -|\\bsigkill\\b|\\bsigterm\\b|进程|线程|终端|命令行|kill掉|kill 掉',
  ),
  context(
    'game',
    { violence_weapons: 0.35, crime_drugs: 0.45, extremism: 0.6 },
    '(?:final|last|raid|world|mini|secret|first|big) boss\\b|\\bboss(?:es)? (?:fight|battle|level|room|rush)|\\b(?:game|level|quest|minecraft|elden ring|skyrim|gta|hitman|among us|fortnite|valorant|counter[- ]?strike|cs:?go|dnd|d&d|dungeons|rpg|npc|mission|impostor|starcraft|pvp|raid|zelda|pokemon)\\b|\\b(?:at|in|play(?:ing)?) (?:a |the )?(?:game of |round of )?(?:chess|checkers|draughts|scrabble|monopoly|poker|blackjack|uno|cards|tennis|ping ?pong|table tennis|badminton|arm wrestling|mario kart|smash bros|tetris|trivia|pool|darts|bowling|golf|basketball|football|soccer)\\b|游戏|副本|狼人杀|剧本杀|王者荣耀|吃鸡|五杀|(?:打|打败|击败|最终)boss|boss战|关卡|下棋|象棋|围棋|五子棋|斗地主|麻将|打牌|跳棋|(?:打|踢)(?:篮球|足球|羽毛球|乒乓球)',
  ),
  context(
    'history',
    { violence_weapons: 0.45, extremism: 0.5, hate_harassment: 0.7 },
    '\\b(?:what happened (?:at|in|during)|history of|historical|during (?:the )?(?:war|world war|holocaust)|siege of|battle of|world war|in (?:1[0-9]|20)[0-9]{2}|century|ancient|medieval|empire)\\b|历史|古代|战役|战争中|发生了什么|抗日|二战|三国|朝代|秦始皇|长征|大屠杀是怎么',
  ),
  context(
    'fiction',
    { violence_weapons: 0.5, crime_drugs: 0.75 },
    '\\b(?:novel|story|fiction|scene|villain|plot|chapter|poem|campaign|screenplay|fanfic|the hero|the knight|the dragon|the witch|my character)\\b|^\\s*\\*[^*]{1,80}\\*|小说|故事|剧情|剧本|跑团|人设|角色扮演|台词|戏里|反派|武侠|江湖|大侠|写一段|写一首|魔头|掌门|师父|本宫|皇上|将军|^\\s*\\*',
  ),
  context(
    'protective',
    {
      violence_weapons: 0.5,
      self_harm: 0.55,
      crime_drugs: 0.5,
      cybercrime: 0.45,
      privacy: 0.45,
      dangerous_advice: 0.6,
      hate_harassment: 0.6,
      sexual: 0.6,
      sexual_minors: 0.5,
      extremism: 0.5,
    },
    '\\b(?:protect|prevent|avoid being|recogni[sz]e|signs of|report|spot|detect|identify (?:a |an |the )?(?:scams?|fakes?|phishing|signs|symptoms|warning)|tell (?:if|whether)|fact[- ]check|verify|cope with|deal with|recover from|get over|support (?:a|my|him|her|them|someone)|comfort|defend against|stay safe|safely(?! (?:make|build|produce|cook|synthesi[sz]e|buy|get|obtain|hack|kill|poison|hurt|steal|smuggle))|warning signs|help (?:a|my) (?:friend|child|son|daughter|teen)|what should i do if|is it (?:safe|dangerous|legal)|side effects|(?<!(?:n\x27t|not|never|without) (?:want to )?)(?:ask|asked|tell|told|see|call|consult|talk to|check with) my doctor|my doctor (?:said|says|told|prescribed|recommended|suggested|wants)|so i can (?:protect|recogni[sz]e|help|warn)|warn (?:my|our|the|a|an|older|elderly|other) |which (?:[a-z]+ ){0,2}(?:are|is) (?:dangerous|unsafe|risky|bad) (?:with|to (?:mix|combine|take))|my own (?:home |wi-?fi |wifi )?(?:network|router|website|site|server|app|account|accounts|data|computer|device|phone|laptop|car|house|home|medical records|records|photos|credit|identity|kids?|children|family|business|company|systems?)|(?:reduc(?:e|ing)|prevent(?:ing)?|tackl(?:e|ing)|combat(?:ing)?|ending) (?:[a-z]+ ){0,2}(?:bullying|violence|harassment|hate|racism|sexism|crime|suicides?|self-harm|overdoses?|abuse|extremism|radicali[sz]ation))\\b|保护(?!费)|求助|安全培训|(?:网络)?安全意识|防护措施|(?:禁毒|反诈|安全|防骗|防拐|普法|环保|健康)宣传|禁毒|反诈|防(?:拐|骗|诈|溺水|性侵|霸凌)|(?:有什么|有哪些|的)危害|隐私设置|自己的(?:手机|设备|账号|电脑|平板)|(?:给|跟|向|教)[^，。？！]{0,5}(?:孩子|小孩|学生|小学生|中学生|女儿|儿子).{0,6}(?:讲|解释|科普|说明)|防范|防止|识别|预防|举报|怎么帮|(?:如何|怎样|怎么)帮助|(?:会有|有)什么(?:后果|危害|影响)|急救|副作用|医生|安全吗|危险吗|合法吗|违法吗|犯法吗|(?:检查|排查|发现).{0,6}(?:偷拍|摄像头|窃听|定位器)|怎么办',
    AIMED_AT_SOMEONE,
  ),
  // Parents and teachers teaching body safety: children and private parts in one sentence, which
  // the model alone reads as the worst category.
  context(
    'body_safety',
    { sexual_minors: 0.3, sexual: 0.5 },
    '\\b(?:teach|tell|explain to|talk to|talking to|teaching) (?:my |our |the |a )?(?:kids?|children|child|son|daughter|students|toddler|preschoolers?|[a-z]+-year-old)\\b.{0,60}\\b(?:body safety|private parts|privates|good touch|bad touch|safe touch|consent|no one (?:can|should|may) touch)\\b|\\b(?:body safety|sex(?:ual)? education) (?:lessons?|curriculum|class|talk)\\b|(?:教|跟|给|告诉|向)[^，。？！]{0,5}(?:孩子|小孩|女儿|儿子|学生|小朋友).{0,20}(?:隐私部位|身体隐私|不能让别人碰|不让别人碰|防性侵|性教育|保护自己的身体)|(?:防性侵|身体安全|儿童性)教育',
  ),
  context(
    'discussing_bias',
    { hate_harassment: 0.45, dangerous_advice: 0.6 },
    '\\b(?:stereotypes?|myths?|misconceptions?|prejudice|debunk\\w*|where does (?:that|this|it) come from|is (?:it|that) (?:true|fair)(?! that (?:all|every))|what does (?:the )?(?:research|science|evidence) say|why (?:do|would) (?:some )?people (?:say|think|believe)|how do we know)\\b|刻板印象|偏见是怎么|反驳|批判|驳斥|谣言.{0,6}(?:辟谣|真的吗)',
  ),
  context(
    'figurative',
    { violence_weapons: 0.3, self_harm: 0.5 },
    '\\b(?:killed it|killing it|killing me|kill for a|could murder a|dying to|to die for|bombed (?:it|the|my)|the bomb\\b|knockout|slay(?:ed|ing)?)\\b|笑死|累死|难死|饿死了|困死了|杀疯了|炸裂',
  ),
];
