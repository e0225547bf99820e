/**
 * Word classes for the trained model: a word in a class also emits the class, and two classes close
 * together emit the pair ("poison" near "roommate" -> harm-verb + person). The model then carries
 * what it learned from one victim, drug or secret over to words it never saw with it. English words
 * are listed with their common inflections; Chinese terms are found inside runs of Han characters.
 */

/** Regular English inflections of each verb (stem + s / ed / ing), plus the irregular ones given. */
function verbs(list: string): string {
  return list
    .split(' ')
    .flatMap((verb) => {
      const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
      const s = /(?:s|sh|ch|x|z)$/.test(verb) ? `${verb}es` : `${verb}s`;
      return [verb, s, `${stem}ed`, `${stem}ing`];
    })
    .join(' ');
}

const CLASSES: Record<string, string> = {
  person:
    'person persons someone somebody people him her them man men woman women girl girls boy boys guy guys stranger strangers victim victims witness witnesses',
  relation:
    'neighbor neighbors neighbour neighbours coworker coworkers co-worker colleague colleagues manager employee teacher professor classmate classmates roommate roommates flatmate landlord tenant doctor surgeon nurse therapist friend friends ex girlfriend boyfriend wife husband partner sister brother mom mother dad father aunt uncle cousin grandmother grandma grandfather grandpa son daughter stepdaughter stepson crush tutor coach student students patient client',
  minor:
    'kid kids child children baby babies minor minors underage preteen preteens toddler toddlers schoolgirl schoolgirls schoolboy schoolboys teen teens teenager teenagers loli 12yo 13yo 14yo',
  group:
    'immigrants immigrant refugees refugee foreigners muslims muslim christians jews jewish hindus atheists gays gay lesbians lesbian trans transgender blacks whites asians africans arabs mexicans indians latinos hispanics roma gypsies blondes redheads gingers vegans disabled autistic elderly poor homeless fat obese minorities',
  harm_verb: `${verbs('kill murder poison stab strangle choke torture hurt harm injure maim attack ambush assault kidnap abduct rape drown burn behead slaughter massacre execute shoot beat')} shot beaten stabbed killed`,
  weapon:
    'bomb bombs explosive explosives grenade grenades gun guns rifle rifles pistol pistols handgun firearm firearms ammo ammunition bullets knife knives blade machete detonator napalm molotov silencer suppressor crossbow ied thermite sarin ricin anthrax nerve toxin cyanide arsenic chloroform',
  drug: 'meth methamphetamine cocaine coke crack heroin fentanyl lsd mdma molly ecstasy ketamine opioids opioid oxycodone oxy xanax benzos opium weed marijuana cannabis shrooms drugs narcotics ghb roofies',
  crime_verb: `${verbs('steal rob shoplift smuggle launder forge counterfeit bribe embezzle scam defraud cheat blackmail extort poach traffic fake sell buy hide evade dodge')} stole stolen sold bought hid`,
  crime_noun:
    'fraud scam scams heist burglary robbery theft ransom extortion bribery laundering counterfeit forgery skimmer fake id ids passport passports cartel trafficking smuggling contraband tax taxes cops police',
  hack: 'hack hacks hacked hacking hacker crack cracked cracking phishing phish malware ransomware keylogger spyware stalkerware trojan botnet exploit exploits breach bypass brute-force sql injection',
  secret:
    'confidential classified undisclosed unreleased unannounced secret secrets internal proprietary insider clandestine leaked leak',
  private_detail:
    'address addresses ssn password passwords passcode pin salary income medical diagnosis dna fingerprints location whereabouts grades religion ethnicity weight phone number records history license plate',
  insult:
    'stupid idiot idiots moron morons dumb worthless useless pathetic loser losers ugly disgusting trash garbage bitch bitches slob freak freaks whore whores slut sluts retard retarded scum vermin',
  trait:
    'lazy violent criminals criminal thieves liars dirty smelly inferior terrorists greedy evil arrogant rude selfish vain aggressive cowardly backward ignorant trashy entitled leeches parasites subhuman savages primitive untrustworthy perverts predators',
  sexual:
    'sex sexual sexy nude naked nudes porn porno pornographic erotic erotica orgasm horny explicit lewd fetish kink sext sexting nsfw smut aroused arousing genitals breasts boobs dick',
  self: 'myself suicide suicidal overdose overdosing cutting starve starving anorexia anorexic bulimia purge purging selfharm self-harm hang hanging noose',
  extremist:
    'nazi nazis neo-nazi jihad jihadist jihadists isis qaeda caliphate militia militias terrorist terrorism manifesto martyr martyrdom supremacist supremacy extremist extremists radicalize radicalise recruit recruits propaganda insurgent',
  deceive:
    'fake false fabricate fabricated hoax rumor rumors rumour misinformation disinformation propaganda conspiracy impersonate pretend pose posing forged',
  medical:
    'dose doses dosage pills pill medication medications meds insulin chemo antidepressants antibiotics prescription painkillers sedatives overdose mg milligrams',
  money:
    'invest investment savings retirement mortgage loan loans crypto coin coins stock stocks lottery gamble gambling bet betting debt',
  stealth:
    'undetected untraceable unnoticed caught secretly covertly anonymously unnoticed quietly without knowing detection trace traces',
  benign_tech:
    'process thread container pod server script program app tab task job query branch terminal python linux code bug function database',
  benign_fun:
    'game games level quest story novel character villain scene movie film book poem song recipe chess minecraft fortnite',
};

/** Word -> class, built once from the table above (a word listed twice keeps its first class). */
export const WORD_CLASS: ReadonlyMap<string, string> = new Map(
  Object.entries(CLASSES)
    .flatMap(([name, words]) => words.split(' ').map((word) => [word, name] as const))
    .reverse(),
);

const ZH_CLASSES: Record<string, string> = {
  person: '别人 他人 陌生人 路人 女生 男生 女人 男人 女孩 男孩 小姑娘 受害者',
  relation:
    '邻居 同事 老板 领导 老师 同学 室友 房东 医生 朋友 前任 前女友 前男友 女朋友 男朋友 老婆 老公 妻子 丈夫 爸爸 妈妈 父母 哥哥 姐姐 弟弟 妹妹 亲戚 客户',
  minor: '小学生 初中生 中学生 未成年 未成年人 幼女 萝莉 小孩 孩子 儿童 幼儿',
  group:
    '黑人 白人 穆斯林 回族 维族 藏族 犹太人 同性恋 女司机 农村人 外地人 河南人 东北人 上海人 北京人 新疆人 残疾人 胖子 老年人 穷人 女权',
  harm_verb:
    '杀 杀死 杀掉 弄死 毒死 捅 砍 打死 打残 勒死 掐死 闷死 伤害 报复 绑架 强奸 放火 烧死 炸死 碎尸 虐待 虐杀 投毒',
  weapon: '炸弹 炸药 雷管 枪 枪支 手枪 步枪 子弹 弩 管制刀具 燃烧瓶 毒气 氰化物 砒霜 铊 毒药 爆炸物 土炸药',
  drug: '冰毒 海洛因 可卡因 大麻 摇头丸 麻古 毒品 叶子 笑气 迷药 迷奸药 听话水 安眠药',
  crime_verb:
    '偷 盗 抢 骗 诈骗 洗钱 走私 贩卖 贩毒 制毒 伪造 行贿 勒索 敲诈 逃税 偷税 套现 代考 作弊 偷拍 盗刷',
  crime_noun: '杀猪盘 传销 裸贷 套路贷 校园贷 假证 赌博 赌场 黑产 跑分 公检法 假钞 银行卡 身份证',
  hack: '黑客 盗号 木马 病毒 钓鱼网站 撞库 肉鸡 破解 入侵 提权 挂马 爬取 外挂',
  private_detail: '住址 家庭住址 手机号 身份证号 开房记录 定位 行踪 聊天记录 病历 户籍 银行流水 人肉 开盒',
  insult: '傻逼 废物 蠢货 贱人 婊子 垃圾 脑残 智障 去死 滚 人渣 畜生 尼玛',
  sexual: '色情 黄色 裸照 裸聊 约炮 做爱 性爱 露骨 成人 情色 自慰 下体 私密照 黄片 ',
  self: '自杀 自残 割腕 跳楼 轻生 寻死 不想活 结束生命 安眠药 烧炭 上吊 厌食 催吐',
  extremist: '恐袭 恐怖袭击 恐怖分子 圣战 极端组织 伊斯兰国 基地组织 邪教 法轮功 纳粹 宣誓效忠 殉道',
  deceive: '谣言 造谣 假新闻 编造 冒充 伪装 假装 虚假 捏造',
  medical: '剂量 药量 停药 偏方 处方药 抗抑郁药 胰岛素 化疗 片 吃多少',
  money: '全仓 杠杆 梭哈 抵押 网贷 借贷 稳赚 保本 内幕消息 彩票',
  stealth: '不被发现 不留痕迹 神不知鬼不觉 偷偷 瞒着 查不到 匿名',
  benign_tech: '进程 线程 服务器 脚本 程序 代码 数据库 终端',
  benign_fun: '游戏 副本 关卡 小说 角色 剧情 电影 武侠 仙侠 菜谱',
};

/** Chinese term -> class, and one pattern that finds them all (longest terms first). */
const ZH_TERMS: ReadonlyMap<string, string> = new Map(
  Object.entries(ZH_CLASSES)
    .flatMap(([name, words]) => words.split(' ').map((word) => [word, name] as const))
    .reverse(),
);
const ZH_PATTERN = new RegExp(
  [...ZH_TERMS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gu',
);

/** The classes of the Chinese terms in a run of text, in order of appearance. */
export function chineseClasses(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ZH_PATTERN)) {
    const name = ZH_TERMS.get(match[0]);
    if (name !== undefined) found.push(name);
  }
  return found;
}
