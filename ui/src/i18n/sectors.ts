// The sectors' names (global clusters and areas of responsibility, docs/programmes.md,
// "Vocabularies") in English, Arabic and Sorani: one set for the application (spread into
// programmes_*.ts) and the public page (public/i18n_*.ts; French has its own there).

export const sectorsEn = {
  'sector.protection': 'Protection',
  'sector.gbv': 'Gender-based violence',
  'sector.child_protection': 'Child protection',
  'sector.health': 'Health',
  'sector.mhpss': 'Mental health and psychosocial support',
  'sector.food_security': 'Food security',
  'sector.shelter_nfi': 'Shelter and non-food items',
  'sector.wash': 'Water, sanitation and hygiene',
  'sector.education': 'Education',
  'sector.cccm': 'Camp coordination and management',
  'sector.livelihoods': 'Livelihoods',
  'sector.logistics': 'Logistics',
  'sector.mpca': 'Multi-purpose cash',
} as const;

export type SectorMessages = Record<keyof typeof sectorsEn, string>;

export const sectorsAr: SectorMessages = {
  'sector.protection': 'الحماية',
  'sector.gbv': 'العنف القائم على النوع الاجتماعي',
  'sector.child_protection': 'حماية الطفل',
  'sector.health': 'الصحة',
  'sector.mhpss': 'الصحة النفسية والدعم النفسي الاجتماعي',
  'sector.food_security': 'الأمن الغذائي',
  'sector.shelter_nfi': 'المأوى والمواد غير الغذائية',
  'sector.wash': 'المياه والصرف الصحي والنظافة',
  'sector.education': 'التعليم',
  'sector.cccm': 'تنسيق وإدارة المخيمات',
  'sector.livelihoods': 'سبل العيش',
  'sector.logistics': 'اللوجستيات',
  'sector.mpca': 'النقد متعدد الأغراض',
};

export const sectorsCkb: SectorMessages = {
  'sector.protection': 'پاراستن',
  'sector.gbv': 'توندوتیژیی ڕەگەزی',
  'sector.child_protection': 'پاراستنی منداڵ',
  'sector.health': 'تەندروستی',
  'sector.mhpss': 'تەندروستیی دەروونی و پشتگیریی دەروونی-کۆمەڵایەتی',
  'sector.food_security': 'ئاسایشی خۆراک',
  'sector.shelter_nfi': 'پەناگە و کەلوپەلی ناخۆراکی',
  'sector.wash': 'ئاو، ئاوەڕۆ و پاکوخاوێنی',
  'sector.education': 'پەروەردە',
  'sector.cccm': 'هەماهەنگی و بەڕێوەبردنی کەمپەکان',
  'sector.livelihoods': 'بژێوی',
  'sector.logistics': 'لۆجستیک',
  'sector.mpca': 'پارەی فرەمەبەست',
};
