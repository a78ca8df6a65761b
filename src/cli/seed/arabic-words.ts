// The Arabic edition's fixed vocabulary: section and tag names, bylines, image texts, readers.

/** Section names and descriptions as the Arabic edition shows them, by section slug. */
export const AR_SECTIONS: Readonly<Record<string, { name: string; description: string }>> = {
  'international-news': {
    name: 'أخبار دولية',
    description: 'الدبلوماسية والنزاعات والسياسة حول العالم.',
  },
  'middle-east': { name: 'الشرق الأوسط', description: 'أخبار وتحليلات من أنحاء المنطقة.' },
  lebanon: { name: 'لبنان', description: 'السياسة والاقتصاد والحياة اليومية في لبنان.' },
  economy: { name: 'اقتصاد', description: 'الأسواق والطاقة والتجارة والمصارف المركزية.' },
  technology: {
    name: 'تكنولوجيا',
    description: 'الذكاء الاصطناعي والرقائق والأمن السيبراني وقطاع التقنية.',
  },
  science: { name: 'علوم', description: 'المناخ والفضاء والأبحاث الصحية.' },
  sports: { name: 'رياضة', description: 'كرة القدم وكرة السلة وغيرها.' },
  culture: { name: 'ثقافة', description: 'السينما والكتب والموسيقى والتراث.' },
  opinion: { name: 'رأي', description: 'مقالات وتعليقات كتّابنا.' },
}

/** The Arabic edition's tags by theme key; each is its own tag, slug `ar-<key>` (arabic-rows.ts). */
export const AR_TAGS: Readonly<Record<string, string>> = {
  russia: 'روسيا',
  ukraine: 'أوكرانيا',
  france: 'فرنسا',
  putin: 'بوتين',
  macron: 'ماكرون',
  kremlin: 'الكرملين',
  nato: 'الناتو',
  diplomacy: 'دبلوماسية',
  'european-union': 'الاتحاد الأوروبي',
  'united-states': 'الولايات المتحدة',
  china: 'الصين',
  asia: 'آسيا',
  sanctions: 'عقوبات',
  weapons: 'أسلحة',
  ceasefire: 'وقف إطلاق النار',
  iran: 'إيران',
  gaza: 'غزة',
  syria: 'سوريا',
  yemen: 'اليمن',
  'saudi-arabia': 'السعودية',
  egypt: 'مصر',
  qatar: 'قطر',
  turkey: 'تركيا',
  un: 'الأمم المتحدة',
  iaea: 'الوكالة الدولية للطاقة الذرية',
  nuclear: 'نووي',
  'humanitarian-aid': 'مساعدات إنسانية',
  refugees: 'لاجئون',
  lebanon: 'لبنان',
  beirut: 'بيروت',
  'south-lebanon': 'جنوب لبنان',
  parliament: 'البرلمان',
  elections: 'انتخابات',
  reconstruction: 'إعادة الإعمار',
  banking: 'المصارف',
  imf: 'صندوق النقد الدولي',
  tourism: 'سياحة',
  oil: 'نفط',
  energy: 'طاقة',
  opec: 'أوبك',
  trade: 'تجارة',
  tariffs: 'رسوم جمركية',
  inflation: 'تضخم',
  'central-banks': 'المصارف المركزية',
  markets: 'أسواق',
  ai: 'ذكاء اصطناعي',
  cybersecurity: 'أمن سيبراني',
  semiconductors: 'أشباه الموصلات',
  startups: 'شركات ناشئة',
  regulation: 'تنظيم',
  space: 'فضاء',
  climate: 'مناخ',
  water: 'مياه',
  health: 'صحة',
  medicine: 'طب',
  research: 'أبحاث',
  education: 'تعليم',
  football: 'كرة القدم',
  'champions-league': 'دوري أبطال أوروبا',
  'world-cup': 'كأس العالم',
  basketball: 'كرة السلة',
  tennis: 'تنس',
  film: 'سينما',
  books: 'كتب',
  music: 'موسيقى',
  heritage: 'تراث',
}

/** The desk's byline, as Arabic news sites sign agency copy, and the staff who sign their own. */
export const AR_HOUSE_BYLINE = 'المحرر، وكالات'
export const AR_STAFF_BYLINES: readonly string[] = [
  'بقلم مايا حداد',
  'بقلم كريم نصّار',
  'بقلم لينا صعب',
  'بقلم عمر خليل',
  'بقلم نور الأمين',
]

/** Alt text for the placeholder images (words.ts IMAGES), in Arabic. */
export const AR_IMAGE_ALTS: Readonly<Record<string, string>> = {
  globe: 'رسم توضيحي لكرة أرضية بخطوط الطول على خلفية زرقاء داكنة',
  diplomacy: 'رسم توضيحي لفقاعتي حوار متقابلتين',
  'middle-east': 'رسم توضيحي لكثبان رملية تحت شمس منخفضة',
  lebanon: 'رسم توضيحي لشجرة أرز فوق الجبال والبحر',
  economy: 'رسم توضيحي لمخطط أعمدة مع خط اتجاه صاعد',
  technology: 'رسم توضيحي لرقاقة إلكترونية ومساراتها',
  science: 'رسم توضيحي لذرّة بثلاثة مدارات',
  sports: 'رسم توضيحي لملعب كرة قدم من الأعلى',
  culture: 'رسم توضيحي لستائر مسرح حول خشبة مضاءة',
  opinion: 'رسم توضيحي لعلامتي تنصيص كبيرتين',
}

export const AR_WEEKDAYS: readonly string[] = [
  'الاثنين',
  'الثلاثاء',
  'الأربعاء',
  'الخميس',
  'الجمعة',
  'السبت',
  'الأحد',
]

/** Attributions that close a sentence after "بحسب" (according to). */
export const AR_SOURCES: readonly string[] = [
  'وكالات الأنباء',
  'مصادر رسمية',
  'وسائل إعلام محلية',
  'الوكالة الوطنية للإعلام',
]

/** Readers who comment in Arabic; one signs in Latin letters, as some readers do. */
export const AR_COMMENTERS: readonly string[] = [
  'رنا خوري',
  'جورج حداد',
  'فاطمة الزهراء',
  'علي منصور',
  'نادين',
  'سمير بو خليل',
  'هبة سليمان',
  'طارق',
  'Sophie L.',
]
