/**
 * English word classes for the trained model: a word in a class also emits the class, and two
 * classes close together emit the pair ("poison" near "roommate" -> harm-verb + person). The model
 * then carries what it learned from one victim, drug or secret over to words it never saw with it.
 */

const CLASSES: Record<string, string> = {
  person:
    'person someone somebody people him her them man woman girl boy guy kid child baby stranger victim witness',
  relation:
    'neighbor neighbour coworker co-worker colleague boss manager employee teacher professor classmate roommate landlord tenant doctor surgeon nurse therapist friend ex girlfriend boyfriend wife husband partner sister brother mom mother dad father aunt uncle cousin grandmother grandma grandfather grandpa son daughter crush tutor coach student patient client',
  group:
    'immigrants refugees foreigners muslims christians jews hindus atheists gays lesbians blacks whites asians africans arabs mexicans indians women men girls boys blondes redheads gingers vegans disabled autistic elderly poor homeless fat obese minorities',
  harm_verb:
    'kill murder poison stab shoot strangle choke torture hurt harm injure maim beat attack ambush assault kidnap abduct rape drown burn behead',
  weapon:
    'bomb explosive explosives grenade gun guns rifle pistol firearm ammo ammunition knife knives blade detonator napalm molotov silencer crossbow',
  drug: 'meth methamphetamine cocaine crack heroin fentanyl lsd mdma ecstasy ketamine opioids opium weed marijuana drugs narcotics',
  crime_verb:
    'steal rob shoplift smuggle launder forge counterfeit bribe embezzle scam defraud cheat blackmail extort poach traffic fake',
  hack: 'hack hacking hacker crack phishing malware ransomware keylogger spyware trojan botnet ddos exploit breach',
  secret:
    'confidential classified undisclosed unreleased unannounced secret secrets internal proprietary insider clandestine leaked',
  private_detail:
    'address ssn password passwords passcode salary income medical diagnosis dna fingerprints location whereabouts grades religion ethnicity weight',
  insult:
    'stupid idiot moron dumb worthless useless pathetic loser ugly disgusting trash garbage bitch slob freak whore slut retard retarded',
  trait:
    'lazy violent criminals criminal thieves liars dirty smelly inferior terrorists greedy evil arrogant rude selfish vain aggressive cowardly backward ignorant trashy entitled leeches parasites subhuman savages primitive untrustworthy',
  sexual: 'sex sexual sexy nude naked nudes porn erotic orgasm horny explicit lewd fetish kink',
  self: 'myself suicide suicidal overdose cutting starve',
  deceive:
    'fake false fabricate fabricated hoax rumor rumors rumour misinformation disinformation propaganda conspiracy',
  stealth: 'undetected untraceable unnoticed caught secretly covertly anonymously',
  benign_tech:
    'process thread container pod server script program app tab task job query branch terminal python linux',
  benign_fun: 'game boss level quest story novel character villain scene movie book poem song recipe',
};

/** Word -> class, built once from the table above. */
export const WORD_CLASS: ReadonlyMap<string, string> = new Map(
  Object.entries(CLASSES).flatMap(([name, words]) => words.split(' ').map((word) => [word, name] as const)),
);
