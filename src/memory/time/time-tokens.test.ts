import { describe, expect, it } from 'vitest';
import { analyzeTime, TIME_TALK_TOKEN } from './time-tokens.js';

const may8 = Date.UTC(2023, 4, 8, 13, 56); // 8 May 2023
const context = { reference: may8, offsetMinutes: 0, firstTimestamp: Date.UTC(2022, 11, 20) };
const tokens = (text: string, question = false) => analyzeTime(text, context, question).tokens.sort();

describe('English time expressions', () => {
  it('resolves relative days, weeks, months and years against the reference', () => {
    expect(tokens('I went to a support group yesterday')).toEqual(['#m2023-05', '#y2023']);
    expect(tokens('we moved last month')).toEqual(['#m2023-04', '#y2023']);
    expect(tokens('that was last year')).toEqual(['#y2022']);
    expect(tokens('I started three weeks ago')).toEqual(['#m2023-04', '#y2023']);
    expect(tokens('about 2 months ago')).toEqual(['#m2023-03', '#y2023']);
    expect(tokens('a couple of years ago')).toEqual(['#y2021']);
  });

  it('reads explicit months and years', () => {
    expect(tokens('in June 2022')).toEqual(['#m2022-06', '#y2022']);
    expect(tokens('on 8 May, 2023')).toEqual(['#m2023-05', '#y2023']);
    expect(tokens('back in 2019')).toEqual(['#y2019']);
    expect(tokens('camping in June')).toEqual(['#m2023-06', '#y2023']);
  });

  it('resolves "the first time we talked" to the earliest memory', () => {
    expect(tokens('What did we discuss the first time we talked?', true)).toEqual(['#m2022-12', '#y2022']);
  });

  it('marks memories that mention a time and questions that ask for one', () => {
    expect(analyzeTime('we did it last week', context, false).timeTalk).toBe(true);
    expect(analyzeTime('we did it', context, false).timeTalk).toBe(false);
    expect(analyzeTime('When did she go camping?', context, true).timeTalk).toBe(true);
    expect(analyzeTime('Where did she go camping?', context, true).timeTalk).toBe(false);
    expect(TIME_TALK_TOKEN).toBe('#time');
  });

  it('does not read "may" the verb as a month', () => {
    expect(tokens('you may like it')).toEqual([]);
  });
});

describe('Chinese time expressions', () => {
  it('resolves 昨天, 上周, 上个月, 去年 and 三天前', () => {
    expect(tokens('我昨天去了超市')).toEqual(['#m2023-05', '#y2023']);
    expect(tokens('上周我们去爬山')).toEqual(['#m2023-05', '#y2023']);
    expect(tokens('上个月搬家了')).toEqual(['#m2023-04', '#y2023']);
    expect(tokens('去年夏天')).toEqual(['#y2022']);
    expect(tokens('十天前')).toEqual(['#m2023-04', '#y2023']);
    expect(tokens('两个月前')).toEqual(['#m2023-03', '#y2023']);
  });

  it('reads explicit Chinese dates and the first conversation', () => {
    expect(tokens('2022年6月')).toEqual(['#m2022-06', '#y2022']);
    expect(tokens('三月的时候')).toEqual(['#m2023-03', '#y2023']);
    expect(tokens('2021年')).toEqual(['#y2021']);
    expect(tokens('我们第一次聊天时你说了什么', true)).toEqual(['#m2022-12', '#y2022']);
  });

  it('treats 几月 as a question, not a month', () => {
    expect(tokens('你几月去的？', true)).toEqual([]);
    expect(analyzeTime('你什么时候去的？', context, true).timeTalk).toBe(true);
  });
});
