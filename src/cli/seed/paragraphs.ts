// Sentence and paragraph templates for generated bodies, one set per register (news, sport, arts, column).
import type { Register } from './themes'

export interface Templates {
  leads: string[]
  paragraphs: string[]
  quotes: string[]
  /** Background used once a theme's own facts run out. */
  fillers: string[]
  listIntro: string
  closings?: string[]
}

const NEWS: Templates = {
  leads: ['{Full} {past} {thing} on {weekday}, {source}. {fact}'],
  paragraphs: [
    'Speaking in {place}, one official said the issue would stay on the agenda in the coming weeks. {fact}',
    '{fact} {fact2}',
    'The subject has come up repeatedly in recent months without a clear outcome, observers noted. {fact}',
    '"{quote}," a spokesperson said, adding that further details would be announced later.',
    'Officials in {place} did not immediately respond to requests for comment. {fact}',
    '{fact} Critics, however, said the approach leaves important questions unanswered.',
    'Further announcements are expected before the end of the month, {source}.',
    'Reaction in {place} was cautious, with several commentators warning against reading too much into a single announcement.',
    'The announcement drew attention well beyond {place}, where {thing} has been followed closely for months.',
  ],
  quotes: [
    'We are following this very closely',
    'Nothing has been decided yet, but this is a priority',
    'This is a step, not a solution',
    'We will judge this by results, not by statements',
    'There is a window now, and it should not be wasted',
    'The details will matter more than the headlines',
  ],
  fillers: [
    'Officials have given no timetable for a decision.',
    'The issue is expected to feature at upcoming international meetings.',
    'Diplomats say discussions are continuing behind closed doors.',
    'Similar proposals have stalled in the past over questions of funding and oversight.',
  ],
  listIntro: 'What we know so far:',
}

const SPORT: Templates = {
  leads: ['{Full} {past} {thing} on {weekday}, {source}. {fact}'],
  paragraphs: [
    'The coach said the players had "{quote}" and praised their response after a difficult week.',
    '{fact} {fact2}',
    'Fans followed {thing} closely, and tickets sold out within hours.',
    'Attention now turns to what comes next, and {full} will have little time to rest.',
    'Local media described {thing} as one of the most talked-about events of the season. {fact}',
  ],
  quotes: ['shown real character', 'given everything', 'learned a great deal', 'earned the result'],
  fillers: [
    'The schedule leaves little room for recovery between games.',
    'Several young players have been given their first chances this season.',
    'Television audiences for the competition have grown year on year.',
  ],
  listIntro: 'At a glance:',
}

const ARTS: Templates = {
  leads: ['{Full} {past} {thing} on {weekday}, {source}. {fact}'],
  paragraphs: [
    'Organisers said the programme was designed to reach new and younger audiences. {fact}',
    '{fact} {fact2}',
    '"{quote}," one of the organisers said.',
    'Visitors in {place} will be able to attend free events over the coming weeks, with details published online.',
    'Critics welcomed the choice, saying {thing} deserved wider attention.',
  ],
  quotes: [
    'Culture is how a society remembers itself',
    'We wanted to open the doors to everyone',
    'The response from the public has been remarkable',
    'This is a celebration, but also a responsibility',
  ],
  fillers: [
    'Public funding for the arts has fallen sharply in recent years.',
    'Private sponsors and the diaspora have stepped in to support many events.',
    'Several events will also be streamed for audiences abroad.',
  ],
  listIntro: 'Highlights:',
}

const OPINION: Templates = {
  leads: [
    'For years, {thing} has been treated as a side issue. It is not, and {full} knows it.',
    'There is a comfortable way to talk about {thing}, and there is an honest one. {fact}',
  ],
  paragraphs: [
    '{fact} {fact2}',
    'The argument that {thing} can wait is no longer convincing. {fact}',
    'None of this is inevitable. {fact}',
    'Those who decide in {place} like to say that the moment is not right. It rarely is.',
    'Readers will disagree, and they should. But {thing} deserves a debate worthy of the name.',
  ],
  quotes: ['The hardest conversations are the ones that cannot be postponed'],
  fillers: [
    'History is full of problems that were cheaper to solve early.',
    'Public patience is not an unlimited resource.',
    'The people most affected are rarely the ones in the room.',
  ],
  listIntro: 'Consider the record:',
  closings: [
    'What is needed now is less rhetoric and more patience. On {thing}, statements alone will settle nothing.',
    'The choice is not between action and caution. It is between deciding now and paying later.',
  ],
}

export const TEMPLATES: Readonly<Record<Register, Templates>> = {
  news: NEWS,
  sport: SPORT,
  arts: ARTS,
  opinion: OPINION,
}

export const DEFAULT_SOURCES = [
  'according to agency reports',
  'officials said',
  'state media reported',
  'a statement said',
  'local media reported',
]

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
]
