/** Names and places as they appear on class lists in Kinshasa. */
export const surnames = [
  'MUKENDI', 'KABILA', 'TSHISEKEDI', 'MBUYI', 'KASONGO', 'ILUNGA', 'MWAMBA', 'KALALA', 'NGOY', 'LUMBU',
  'MBOMBO', 'KABONGO', 'NZUZI', 'MAKIESE', 'LUKUSA', 'TSHIBANGU', 'KAPINGA', 'MAYALA', 'BOLAMBA', 'LIKOKE',
  'MONSENGWO', 'NSIMBA', 'LUTETE', 'MATONDO', 'BAKAJIKA', 'KIBONGE', 'MUTOMBO', 'NGALULA', 'KANKU', 'MASIKA',
  'BOKETSHU', 'ELONGA', 'LOKWA', 'MPIANA', 'NKULU', 'SHAMBUYI', 'TSHIMANGA', 'YAV', 'KAZADI', 'BUKASA',
]
export const postNames = [
  'WA MUKENDI', 'MUTOMBO', 'KAYEMBE', 'NSENGA', 'MASUDI', 'KAMBALE', 'LOKOMBE', 'MBALA', 'NKONGOLO', 'BOSENGE',
  'KIALA', 'MAVINGA', 'NDOMBE', 'KITENGE', 'LUBAKI', 'MANZAMBI', 'NZAMBI', 'TSHIALA', 'MUANDA', 'KUPA',
]
export const boysFirstNames = [
  'Joseph', 'Patrick', 'Christian', 'Emmanuel', 'Jonathan', 'Glody', 'Merveille', 'Dieudonné', 'Exaucé', 'Héritier',
  'Junior', 'Trésor', 'Prince', 'Benjamin', 'Daniel', 'Samuel', 'Israël', 'Cédrick', 'Fiston', 'Gloire',
]
export const girlsFirstNames = [
  'Grâce', 'Divine', 'Ruth', 'Esther', 'Naomie', 'Bénédicte', 'Chancelle', 'Plamedie', 'Sarah', 'Déborah',
  'Rachel', 'Miriam', 'Nathalie', 'Josée', 'Gracia', 'Orly', 'Benie', 'Christelle', 'Joëlle', 'Précieuse',
]
export const birthPlaces = [
  'Kinshasa/Lemba', 'Kinshasa/Limete', 'Kinshasa/Matete', 'Kinshasa/Ngaliema', 'Kinshasa/Kalamu', 'Kinshasa/Bandalungwa',
  'Kinshasa/Kintambo', 'Kinshasa/Masina', 'Kinshasa/Ndjili', 'Kinshasa/Gombe', 'Lubumbashi', 'Mbuji-Mayi', 'Kisangani',
  'Bukavu', 'Matadi', 'Kikwit', 'Goma',
]
export const professions = ['Enseignant', 'Commerçante', 'Infirmier', 'Fonctionnaire', 'Chauffeur', 'Couturière', 'Ingénieur', 'Avocat']
