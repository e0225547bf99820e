import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatModelHandle } from '../../spec/model.js';
import { defineTool } from '../../spec/tools.js';
import { scriptedModel } from '../test-support/scripted-model.js';
import { createToolRegistry } from './tool-registry.js';
import { MAX_TOOL_ROUNDS, toolMeta, turnTools } from './turn-tools.js';

const registry = createToolRegistry([
  defineTool({
    name: 'ping',
    description: 'Ping',
    inputSchema: z.strictObject({}),
    permission: 'read',
    execute: async () => ({ result: 'pong' }),
  }),
]);
const context = { ownerId: 'u', characterId: 'c', sessionId: 's', messageId: 'm', now: 0 };
const capable: ChatModelHandle = { ...scriptedModel('').handle, toolCalls: true };

describe('turnTools', () => {
  it('offers the registry to a model that calls tools when the turn enables them', async () => {
    const tools = turnTools({ registry, handle: capable, enabled: true, context });
    expect(tools?.definitions.map((tool) => tool.name)).toEqual(['ping']);
    expect(tools?.maxRounds).toBe(MAX_TOOL_ROUNDS);
    expect(await tools?.execute({ id: '1', name: 'ping', input: '{}' })).toMatchObject({
      ok: true,
      result: 'pong',
    });
  });

  it('offers nothing when disabled, without a registry or a message to cite, or to a model that cannot call tools', () => {
    expect(turnTools({ registry, handle: capable, enabled: false, context })).toBeUndefined();
    expect(turnTools({ registry: undefined, handle: capable, enabled: true, context })).toBeUndefined();
    expect(
      turnTools({ registry, handle: capable, enabled: true, context: { ...context, messageId: null } }),
    ).toBeUndefined();
    expect(turnTools({ registry, handle: scriptedModel('').handle, enabled: true, context })).toBeUndefined();
  });

  it('records tool calls in the reply metadata only when there were any', () => {
    const outcome = {
      text: '',
      finishReason: 'stop' as const,
      usage: { inputTokens: null, outputTokens: null },
      error: null,
    };
    expect(toolMeta(outcome)).toEqual({});
    expect(toolMeta({ ...outcome, toolCalls: [] })).toEqual({});
    expect(toolMeta({ ...outcome, toolCalls: [{ round: 0, name: 'ping', ok: true }] })).toEqual({
      tools: [{ round: 0, name: 'ping', ok: true }],
    });
  });
});
