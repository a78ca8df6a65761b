// Themes for the Science section: climate, space and health research.
import type { ThemeSpec } from './themes'

export const THEMES_SCIENCE: ThemeSpec[] = [
  {
    key: 'climate',
    category: 'science',
    weight: 1.2,
    tags: ['climate', 'research'],
    actors: [
      'UN|The UN climate agency|un',
      'WMO|The World Meteorological Organization|climate',
      'Study|A new study|research',
      'Copernicus|The Copernicus climate service|european-union',
    ],
    actions: ['Warns of|warned of', 'Reports|reported', 'Tracks|tracked', 'Highlights|highlighted'],
    things: [
      'record sea temperatures in the Mediterranean|water',
      'a hotter summer across the region|climate',
      'faster glacier loss|water',
      'drought risks for farmers|water',
      'rising methane emissions|energy',
    ],
    places: ['Geneva', 'Bonn', 'Beirut', 'Athens'],
    facts: [
      'The past decade was the warmest on record.',
      'The Mediterranean is warming faster than the global average.',
      'Droughts have cut harvests and strained water supplies across the Middle East.',
      'Methane is a far more potent greenhouse gas than carbon dioxide over short periods.',
    ],
    headings: ['What the data show', 'Impact on the region'],
  },
  {
    key: 'space',
    category: 'science',
    weight: 1,
    tags: ['space', 'research'],
    actors: [
      'NASA|NASA|united-states',
      'ESA|The European Space Agency|european-union',
      'China|China’s space agency|china',
      'Roscosmos|Russia’s Roscosmos|russia',
    ],
    actions: [
      'Launches|launched',
      'Plans|outlined plans for',
      'Delays|delayed',
      'Prepares|prepared',
    ],
    things: [
      'a new lunar mission|space',
      'a probe to study Jupiter’s moons|research',
      'a crewed flight to the space station|space',
      'a survey of distant galaxies|research',
      'a satellite to monitor wildfires|climate',
    ],
    places: ['Cape Canaveral', 'Kourou', 'Baikonur', 'Paris'],
    facts: [
      'Several countries plan to send crews to the Moon within the next decade.',
      'The International Space Station is due to be retired around 2030.',
      'Space agencies increasingly share data from Earth observation satellites.',
      'Launch costs have fallen sharply thanks to reusable rockets.',
    ],
    headings: ['Mission details', 'Why it matters'],
  },
  {
    key: 'health',
    category: 'science',
    weight: 1.2,
    tags: ['health', 'medicine'],
    actors: [
      'WHO|The World Health Organization|health',
      'Study|A large clinical study|research',
      'Health Ministry|Lebanon’s health ministry|lebanon',
      'Regulator|European medicines regulators|european-union',
    ],
    actions: ['Reports on|reported on', 'Examines|examined', 'Highlights|highlighted'],
    things: [
      'a new malaria vaccine|medicine',
      'rising cases of measles|health',
      'the benefits of a Mediterranean diet|research',
      'antibiotic resistance in hospitals|medicine',
      'a cheaper treatment for hepatitis C|medicine',
    ],
    places: ['Geneva', 'Beirut', 'Amsterdam', 'London'],
    facts: [
      'Vaccination rates for several childhood diseases fell during the pandemic.',
      'Antibiotic resistance is linked to more than a million deaths a year worldwide.',
      'The Mediterranean diet is rich in vegetables, olive oil, fish and pulses.',
      'Health systems in the region are under strain from staff shortages.',
    ],
    headings: ['What the study found', 'Advice for patients'],
  },
]
