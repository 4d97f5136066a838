import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../src/core/answer/answer.ts';
import { loadLibrary, type Library } from '../src/core/library/library.ts';
import { makeTempCorpus, type TempCorpus } from './support/corpus-dir.ts';

/** Sentences joining two events, each with its own time, written for these rules. */
const EVENTS: Record<string, string> = {
  'rockets.txt': 'The first rocket launch failed in March 2012 and the second succeeded in June 2013.\n',
  'board.txt': 'Imogen Rowe, who joined the orchard board in 2015, resigned on Tuesday.\n',
  'museum.txt': 'The tram museum closed in 2010; its doors reopened in May.\n',
  'bridge.txt': 'The toll bridge was sold in 2004, while the ferry company was founded in 1988.\n',
  'factory.txt': 'The factory opened in 1990, and investors bought the site, with its warehouses and old rail sidings, last year.\n',
  'charges.txt': 'The smuggling charges were dropped in 2015 because the deadline had passed.\n',
  'permit.txt': 'The council on Monday renewed a fishing permit for the harbour. It is the third renewal of the permit, which is now set to lapse in April.\n',
  'survey.txt': 'The divers mapped the reef for six weeks, from May 2016 through June 2016. On one of those dives — July 2, 2016 — they saw a whale shark feeding.\n',
  'tapes.txt': 'The next year, the rebels released two tapes and another in March 2009 in which the sailors looked thin and weary.\n',
  'debate.txt': 'The fight will play out Thursday night when the mayoral candidates debate in Leeds just 40 days before polling begins.\n',
  'harbour.txt': 'Kowloon-Bayview bought the harbour from the city. The deal closed in May 2018; Kowloon-Bayview remains its operator as of March 20.\n',
  'ferry.txt': 'The ferry made the news again on Monday, as the port moved its evening crossing from a 6:15 sailing to 8 p.m.\n',
};

let corpus: TempCorpus;
let library: Library;
beforeAll(async () => {
  corpus = await makeTempCorpus(EVENTS);
  library = await loadLibrary(corpus.dir);
});
afterAll(() => corpus.remove());

const whenOf = (query: string): string | undefined => answer(library, 'when', query).results[0]?.when?.text;

describe('/when chooses the time expression of the clause the question matched', () => {
  it('tells coordinated events apart', () => {
    expect(whenOf('first rocket launch failed')).toBe('in March 2012');
    expect(whenOf('second rocket launch succeeded')).toBe('in June 2013');
  });

  it('prefers the clause holding the matched words to an expression of another clause that stands nearer one of them', () => {
    expect(whenOf('investors bought site')).toBe('last year');
    expect(whenOf('factory opened')).toBe('in 1990');
  });

  it('reads a relative clause as its own event', () => {
    expect(whenOf('Rowe resigned')).toBe('on Tuesday');
    expect(whenOf('Rowe joined orchard board')).toBe('in 2015');
  });

  it('goes on with a clause after a relative clause closes, and counts the noun a relative clause describes in it', () => {
    expect(whenOf('Rowe resigned')).toBe('on Tuesday');
    expect(whenOf('harbour permit lapses')).toBe('in April');
    expect(whenOf('council renewed fishing permit')).toBe('on Monday');
  });

  it('keeps what a pair of dashes sets off in the clause around it', () => {
    expect(whenOf('whale shark feeding seen by divers')).toBe('July 2, 2016');
  });

  it('reads a clause opened by a preposition and "which" as telling of the expression before it', () => {
    expect(whenOf('rebels tape sailors thin weary')).toBe('in March 2009');
  });

  it('prefers, in the same clause, a calendar time to one relative to the story, and that to a time of day', () => {
    expect(whenOf('port moved evening ferry crossing sailing')).toBe('on Monday');
    expect(whenOf('mayoral candidates debate in Leeds')).toBe('Thursday night');
  });

  it('counts a hyphenated word of the question once, not once for each part', () => {
    expect(whenOf('Kowloon-Bayview deal closed')).toBe('in May 2018');
  });

  it('splits at a semicolon and at "while"', () => {
    expect(whenOf('tram museum reopened doors')).toBe('in May');
    expect(whenOf('tram museum closed')).toBe('in 2010');
    expect(whenOf('ferry company founded')).toBe('in 1988');
    expect(whenOf('toll bridge sold')).toBe('in 2004');
  });

  it('takes a year followed by a word that is not a plural noun', () => {
    expect(whenOf('smuggling charges dropped')).toBe('in 2015');
  });

  it('finds nothing for an event the corpus never mentions', () => {
    expect(answer(library, 'when', 'glacier expedition rescued climbers').results).toEqual([]);
  });
});
