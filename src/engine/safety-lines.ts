/**
 * The short in-character lines the turn pipeline writes itself when safety steps in: the refusal
 * for a blocked message, the closing after a stopped reply, and the note that steers the model
 * toward care. Self-harm is always answered with warmth and help resources, never a cold refusal.
 */
import { fallbackReply, HELP_RESOURCES } from '../safety/index.js';
import type { Category, Language } from '../safety/index.js';

/** The reply stored and streamed when the user's message is blocked before the model. */
export function inputRefusal(name: string, categories: readonly Category[], language: Language): string {
  if (categories.includes('self_harm') || !categories.includes('manipulation')) {
    return fallbackReply(name, [...categories], language, HELP_RESOURCES[language]);
  }
  return language === 'zh'
    ? `${name}眨了眨眼。“我还是我，不会变成别的什么。我们接着聊刚才的吧？”`
    : `*${name} raises an eyebrow.* "I'm still me, and I'm staying that way. Shall we pick up where we were?"`;
}

/** The line appended after a reply that was stopped mid-stream. */
export function outputClosing(name: string, categories: readonly Category[], language: Language): string {
  if (categories.includes('self_harm')) {
    return `\n\n${fallbackReply(name, ['self_harm'], language, HELP_RESOURCES[language])}`;
  }
  return language === 'zh'
    ? `\n\n${name}停了下来，摇了摇头。“不，这个我不往下说了。我们换个话题吧。”`
    : `\n\n*${name} stops and shakes their head.* "No, I won't go further with that. Let's talk about something else."`;
}

/** The note added to the post-history instructions when the user's message needs a careful answer. */
export function safetyNote(name: string, categories: readonly Category[], language: Language): string {
  const lines = [
    `[Safety note: the user's last message touches on ${categories.join(', ') || 'a sensitive topic'}.`,
    `Reply as ${name}, fully in character and with empathy. Give no details that could help anyone get hurt.`,
  ];
  if (categories.includes('self_harm')) {
    lines.push(
      'The user may be in distress or thinking about self-harm: answer warmly and personally, stay with them,',
      'gently encourage reaching out to someone they trust, and weave in these help resources:',
      HELP_RESOURCES[language],
    );
  }
  lines.push(']');
  return lines.join('\n');
}
