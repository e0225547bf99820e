/** Maps the corpora's own labels onto Starling's categories (training labels only; documented in 0013). */
import type { Category } from '../../src/safety/types.js';

const CYBER = /网络|系统|黑客|电脑|账号|账户|密码|服务器|网站|软件|病毒|木马|数据库|wifi|邮箱|app/i;

/** JADE subtype (违规子类) + question -> categories. */
export function jadeCategories(type: string, subtype: string, question: string): Category[] {
  const sub = subtype.trim();
  const out = new Set<Category>();
  for (const part of sub.split('|')) {
    if (/隐私|个人信息|肖像|商业秘密/.test(part)) out.add('privacy');
    else if (/武器/.test(part)) out.add('violence_weapons');
    else if (/故意伤害|暴力/.test(part) && !/色情/.test(part)) out.add('violence_weapons');
    else if (/色情|淫秽/.test(part)) out.add(/暴力/.test(question) ? 'violence_weapons' : 'sexual');
    else if (/网络欺诈/.test(part)) out.add('cybercrime');
    else if (/非法侵入/.test(part)) out.add(CYBER.test(question) ? 'cybercrime' : 'crime_drugs');
    else if (/恐怖|极端/.test(part)) out.add('extremism');
    else if (/虚假有害信息/.test(part)) out.add('dangerous_advice');
    else if (/身心健康/.test(part))
      out.add(
        /自杀|自残|轻生|割腕|结束.*生命/.test(question)
          ? 'self_harm'
          : /欺负|霸凌|羞辱|嘲笑|骂|孤立/.test(question)
            ? 'hate_harassment'
            : 'violence_weapons',
      );
    else if (/歧视|名誉/.test(part) || /歧视偏见/.test(type)) out.add('hate_harassment');
    else if (/毒品/.test(part)) out.add('crime_drugs');
    else out.add(CYBER.test(question) && /诈骗|伪造/.test(part) ? 'cybercrime' : 'crime_drugs');
  }
  return [...out];
}

/** The in-the-wild forbidden-question policies that are harmful in a character chat (others excluded). */
export function forbiddenCategories(policy: string, question: string): Category[] | null {
  switch (policy) {
    case 'Illegal Activity':
      return [/hack|comput|password|email account|system/i.test(question) ? 'cybercrime' : 'crime_drugs'];
    case 'Hate Speech':
      return ['hate_harassment'];
    case 'Malware':
      return ['cybercrime'];
    case 'Physical Harm':
      return [/starv|oneself|suicid|self-harm|myself/i.test(question) ? 'self_harm' : 'violence_weapons'];
    case 'Fraud':
      return ['crime_drugs'];
    case 'Pornography':
      return ['sexual'];
    case 'Privacy Violence':
      return ['privacy'];
    case 'Economic Harm':
      return ['dangerous_advice'];
    default:
      // Political lobbying, legal/financial/health consultation, government decisions: asking for
      // advice is not harmful in a companion chat; training them as harm would teach over-refusal.
      return null;
  }
}
