/**
 * The test model's own SentencePiece-style vocabulary: control tokens, 256 byte-fallback tokens,
 * single characters, common English word pieces (with every prefix, so llama.cpp's bigram merging
 * can reach the whole word) and common CJK characters. Text outside it falls back to bytes.
 */

/** SentencePiece token types as llama.cpp reads them from `tokenizer.ggml.token_type`. */
export const TokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

export interface TinyVocabulary {
  tokens: string[];
  scores: number[];
  types: number[];
  unknownId: number;
  bosId: number;
  eosId: number;
  imStartId: number;
  imEndId: number;
}

const spaceMark = '\u2581';

const englishWords = `the be to of and a in that have I it for not on with he as you do at this but his by
from they we say her she or an will my one all would there their what so up out if about who get
which go me when make can like time no just him know take people into year your good some could them
see other than then now look only come its over think also back after use two how our work first well
way even new want because any these give day most us is are was were has had been am said did does
hello hi yes thank thanks please sorry name friend love happy sad today tomorrow night morning world
story tell talk chat help question answer nice great little big old young man woman girl boy cat dog
house home city road tree water fire light dark sun moon star sky rain snow eat drink food tea coffee
book read write word line page game play music song dance walk run sit stand open close door window
hand head eye face heart mind life live dead kill fight sword magic king queen prince princess dragon
castle forest river mountain sea ship travel journey adventure quest hero villain smile laugh cry feel
think remember forget dream sleep wake where why here very really maybe never always sometimes again
still something nothing everything someone anyone user assistant system character JSON true false null`;

const cjkCharacters =
  '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴跑谈术冷药木推妈尔故切示洋杀伤古乐哪吗您呀吧啊哈谢';

const punctuation = `.,!?;:'"()[]{}<>-_=+*/\\|@#$%^&~\`0123456789`;

function byteToken(byte: number): string {
  return `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;
}

/** Builds the vocabulary; ids are stable for a given source list. */
export function buildTinyVocabulary(): TinyVocabulary {
  const tokens: string[] = [];
  const scores: number[] = [];
  const types: number[] = [];
  const seen = new Set<string>();
  const add = (text: string, type: number, score: number): void => {
    if (seen.has(text)) return;
    seen.add(text);
    tokens.push(text);
    types.push(type);
    scores.push(score);
  };

  add('<unk>', TokenType.unknown, 0);
  add('<s>', TokenType.control, 0);
  add('</s>', TokenType.control, 0);
  add('<|im_start|>', TokenType.control, 0);
  add('<|im_end|>', TokenType.control, 0);
  for (let byte = 0; byte < 256; byte += 1) add(byteToken(byte), TokenType.byte, 0);

  // Single characters score lowest; a longer piece scores higher so merges prefer whole words.
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const character of [spaceMark, ...letters, ...punctuation]) add(character, TokenType.normal, -1000);
  for (const character of cjkCharacters) add(character, TokenType.normal, -500);

  const words = englishWords.split(/\s+/).filter((word) => word.length > 0);
  for (const word of words) {
    for (const variant of [spaceMark + word, word]) {
      for (let end = 2; end <= variant.length; end += 1) {
        add(variant.slice(0, end), TokenType.normal, -100 + end);
      }
    }
  }

  return {
    tokens,
    scores,
    types,
    unknownId: 0,
    bosId: 1,
    eosId: 2,
    imStartId: 3,
    imEndId: 4,
  };
}

/** ChatML, the template Qwen2.5 uses, so the test model templates prompts like the default model. */
export const chatMlTemplate =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
