// The article from shared/reference/article-page.txt and the three stories in its Related News list.
import { type ArticleSeed, DAY, HOUR, MINUTE } from './types'
import { HOUSE_BYLINE } from './words'

export const REFERENCE_SLUG = 'kremlin-first-putin-macron-conversation-since-2022'

/** The body as a reader saw it, one Markdown paragraph per paragraph on the page. */
const REFERENCE_PARAGRAPHS = [
  'Russian President Vladimir Putin held a telephone conversation with French President Emmanuel Macron on Tuesday, marking their first phone contact since September 2022, according to the Kremlin press service.',
  'While discussing the Ukraine conflict, Putin told Macron the situation is “a direct consequence of policies pursued by Western states, which for many years ignored Russia’s security interests,” and established an “anti-Russian bridgehead” in the country, the press service stated.',
  'The Russian leader reiterated Moscow’s approach to any settlement, stating that it must “be comprehensive and long-term, address the root causes of the Ukrainian crisis and be based on new territorial realities.”',
  'Putin and Macron discussed the Middle East, focusing on the recent "Israel"-Iran escalation. Both agreed that diplomacy is the way forward and to stay in touch for “possible coordination of the positions,” the Kremlin press service said.',
  'Both countries share a “special responsibility” to maintain “peace and security,” as well as to preserve the “global nuclear non-proliferation regime,” the two men agreed, according to Moscow.',
  '“In this regard, the importance of respecting Tehran’s legitimate right to develop peaceful nuclear energy and continuing to fulfill its obligations under the Treaty on the Non-Proliferation of Nuclear Weapons, including cooperation with the IAEA, was emphasized,” the Kremlin press service said.',
  'France has been a major backer of Kiev, providing over €3.7 billion in military aid since 2022. While Macron previously floated the idea of sending French troops to Ukraine post-conflict, he has recently softened his stance, acknowledging France has done “the maximum we could” and calling for renewed dialogue with Russia to secure a broader European peace deal.',
]

const published = (ago: number) => ({
  status: 'published' as const,
  publishedAgo: ago,
  updatedAgo: ago,
  createdAgo: ago + 25 * MINUTE,
})

export const REFERENCE_ARTICLE: ArticleSeed = {
  title: 'Kremlin: First Putin-Macron Conversation Since 2022',
  summary: REFERENCE_PARAGRAPHS[0] as string,
  bodyMd: REFERENCE_PARAGRAPHS.join('\n\n'),
  category: 'international-news',
  tags: ['russia', 'putin', 'france', 'macron'],
  byline: HOUSE_BYLINE,
  image: 'diplomacy',
  ...published(6 * HOUR),
}

const PENTAGON = [
  'The Pentagon has paused some deliveries of weapons to Ukraine after a review of US stockpiles found that supplies of several munitions had fallen too low, according to US media reports.',
  'The review concluded that shipments of certain air-defence interceptors and precision-guided munitions could not continue at their previous pace without affecting the readiness of US forces, officials familiar with the decision said.',
  'The White House said the decision put US interests first, while stressing that Washington would keep supporting Kiev through other means.',
  'Ukrainian officials said they had not received formal notice of the pause and asked for clarification, warning that any gap in air-defence supplies would leave cities more exposed to missile and drone attacks.',
  '## Stockpiles under strain',
  'Years of deliveries to Ukraine and to partners in the Middle East have drawn down US inventories faster than production lines can replace them. The Pentagon has signed contracts to expand output of key munitions, but new capacity will take years to come online.',
  'In Moscow, officials said fewer Western weapons reaching Ukraine would bring the end of the conflict closer, according to Russian media.',
]

const NETANYAHU = [
  'Israeli Prime Minister Benjamin Netanyahu is due to travel to Washington to meet US President Donald Trump, as international pressure grows for a ceasefire in Gaza, officials said.',
  'The visit comes as mediators from Egypt and Qatar continue to push for an agreement that would halt the fighting and allow a large increase in humanitarian aid to the territory.',
  'Trump has said he hopes a deal can be reached soon. US officials said Gaza and the wider regional situation after the recent Israel-Iran escalation would top the agenda.',
  'The main questions on the table:\n\n- the terms of a ceasefire and the release of captives;\n- the scale and routes of humanitarian deliveries;\n- who would govern and rebuild Gaza after the fighting.',
  'Humanitarian agencies have warned that conditions in Gaza remain catastrophic, with severe shortages of food, clean water, fuel and medical supplies.',
  'Neither side has given details of the expected timetable for the talks.',
]

const EU_WTO = [
  'The European Union is exploring an alternative to the World Trade Organization with like-minded countries as US President Donald Trump escalates his tariff campaign, the Financial Times reported.',
  'According to the report, EU officials have discussed closer cooperation with members of the Comprehensive and Progressive Agreement for Trans-Pacific Partnership, a trade pact whose members include Japan, Canada, Australia and Singapore.',
  'The idea reflects growing frustration in Brussels with the WTO, whose appeals body has been unable to rule on disputes since 2019 because new judges have not been appointed.',
  '## Pressure from Washington',
  'The discussions come as the EU seeks a trade arrangement with Washington to avoid higher US tariffs on European goods, while preparing countermeasures in case talks fail.',
  'Officials stressed that any new arrangement would complement rather than replace the global trading system. Background on the WTO’s dispute settlement system is available from [the WTO](https://www.wto.org/english/tratop_e/dispu_e/dispu_e.htm).',
]

/** The reference page's Related News list, as real articles at the ages it shows. */
export const REFERENCE_RELATED: readonly ArticleSeed[] = [
  {
    title: 'Pentagon Suspends Arms Deliveries to Kiev Due to Dwindling Stockpiles',
    summary: PENTAGON[0] as string,
    bodyMd: PENTAGON.join('\n\n'),
    category: 'international-news',
    tags: ['pentagon', 'united-states', 'ukraine', 'weapons', 'russia'],
    byline: HOUSE_BYLINE,
    image: 'globe',
    ...published(8 * HOUR),
  },
  {
    title: 'Netanyahu To Meet Trump Amid Mounting Calls for Gaza Ceasefire',
    summary: NETANYAHU[0] as string,
    bodyMd: NETANYAHU.join('\n\n'),
    category: 'middle-east',
    tags: ['netanyahu', 'trump', 'gaza', 'ceasefire', 'united-states'],
    byline: HOUSE_BYLINE,
    image: 'middle-east',
    ...published(DAY),
  },
  {
    title: 'EU Plans WTO Alternative as Trump Escalates Tariffs: FT',
    summary: EU_WTO[0] as string,
    bodyMd: EU_WTO.join('\n\n'),
    category: 'economy',
    tags: ['european-union', 'trump', 'tariffs', 'trade', 'wto'],
    byline: HOUSE_BYLINE,
    image: 'economy',
    ...published(5 * DAY),
  },
]
