/** Example dialogues: `<START>`-separated blocks, rendered for the system message. */

/** Splits `mes_example` text into its blocks (empty ones dropped). */
export function splitExampleBlocks(text: string): string[] {
  return text
    .split(/^[ \t]*<START>[ \t]*$/im)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

/** One block as it appears in the prompt. */
export function renderExampleBlock(block: string): string {
  return `[Example dialogue]\n${block}`;
}
