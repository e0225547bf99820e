/** The character's texts with macros expanded, ready to lay out. */
import type { CharacterCard } from '../spec/index.js';
import { renderExampleBlock, splitExampleBlocks } from './examples.js';
import type { MacroContext } from './macros.js';
import { expandMacros } from './macros.js';

/**
 * Used when neither the card nor the app gives a system prompt. Neutral on purpose: the card
 * decides who the character is, including whether it knows it is an AI.
 */
export const BUILT_IN_SYSTEM_PROMPT =
  "You are {{char}} in a conversation with {{user}}. Stay in character: speak and act as {{char}} would, based on the character details below, and never speak or act for {{user}}. Do not say you are an AI or a language model unless {{char}}'s description says so.";

export interface PromptParts {
  system: string;
  description: string;
  personality: string;
  scenario: string;
  persona: string;
  examples: string[];
  postHistory: string;
}

export interface PartsInput {
  character: CharacterCard;
  persona: string;
  defaultSystemPrompt?: string;
  defaultPostHistory?: string;
}

/** Expands the card's fields; `{{original}}` stands for the app's default in the two instruction fields. */
export function buildPromptParts(input: PartsInput, context: MacroContext): PromptParts {
  const card = input.character;
  const expand = (text: string): string => expandMacros(text, context).trim();
  const withOriginal = (text: string, original: string): string =>
    expandMacros(text, { ...context, original: expand(original) }).trim();
  const defaultSystem = input.defaultSystemPrompt ?? BUILT_IN_SYSTEM_PROMPT;
  const defaultPost = input.defaultPostHistory ?? '';
  return {
    system: card.systemPrompt.trim() ? withOriginal(card.systemPrompt, defaultSystem) : expand(defaultSystem),
    description: expand(card.description),
    personality: labelled(`${context.char}'s personality`, expand(card.personality)),
    scenario: labelled('Scenario', expand(card.scenario)),
    persona: labelled(`About ${context.user}`, expand(input.persona)),
    examples: splitExampleBlocks(card.exampleDialogues).map((block) => renderExampleBlock(expand(block))),
    postHistory: card.postHistoryInstructions.trim()
      ? withOriginal(card.postHistoryInstructions, defaultPost)
      : expand(defaultPost),
  };
}

function labelled(label: string, text: string): string {
  return text === '' ? '' : `${label}: ${text}`;
}
