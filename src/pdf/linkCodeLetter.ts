/**
 * The letter the secretariat prints (or sends) for a family: the school's letterhead, the
 * child, the code in large type, its expiry and the steps to follow. One A4 page.
 */
import { t, type Language } from '../i18n'
import { A4, contentWidth, embedImage, formatDate, ink, letterhead, margin, openDocument, type PrintedSchool, Sheet } from './sheet'

export type LinkCodeLetter = {
  language: Language
  school: PrintedSchool
  pupil: { fullName: string; matricule?: string | null; className?: string | null }
  guardianName?: string | null
  /** As displayed: XXXX-XXXX-XX. */
  code: string
  /** ISO instant. */
  expiresAt: string
  /** Where parents sign up: the portal's address. */
  address: string
}

export const renderLinkCodeLetter = async (letter: LinkCodeLetter, assets: { logo?: Uint8Array } = {}): Promise<Uint8Array> => {
  const say = (key: string, vars?: Record<string, string>) => t(letter.language, `linkCodes.letter.${key}`, vars)
  const { doc, fonts } = await openDocument(`${say('title')} — ${letter.pupil.fullName}`)
  const sheet = new Sheet(doc.addPage(A4), fonts)
  const logo = assets.logo && (await embedImage(doc, assets.logo))
  const top = A4[1] - margin
  letterhead(sheet, letter.school, { code: say('schoolCode'), phone: say('phone') }, logo, top)

  let y = top - 110
  sheet.fitted(say('title'), margin, y, contentWidth, 16, true, 'center')
  y -= 34
  if (letter.guardianName) {
    sheet.text(say('to', { name: letter.guardianName }), margin, y, 10)
    y -= 18
  }
  const pupil = [letter.pupil.fullName, letter.pupil.matricule && `${say('matricule')} ${letter.pupil.matricule}`, letter.pupil.className].filter(Boolean).join(' — ')
  y = sheet.paragraph(say('intro', { pupil }), margin, y, contentWidth, 0, 10) - 14

  // The code boxed and large: what the parent copies, letter by letter.
  const box = 64
  sheet.page.drawRectangle({ x: margin + 60, y: y - box + 14, width: contentWidth - 120, height: box, borderColor: ink, borderWidth: 1.2 })
  sheet.fitted(say('yourCode'), margin + 60, y, contentWidth - 120, 9, false, 'center')
  sheet.fitted(letter.code, margin + 60, y - 34, contentWidth - 120, 26, true, 'center')
  y -= box + 10
  sheet.fitted(say('validUntil', { date: formatDate(letter.expiresAt.slice(0, 10)) }), margin, y, contentWidth, 10, true, 'center')
  y -= 32

  sheet.text(say('stepsTitle'), margin, y, 11, true)
  y -= 18
  const steps = [say('step1', { address: letter.address }), say('step2'), say('step3'), say('step4')]
  steps.forEach((step, i) => {
    sheet.text(`${i + 1}.`, margin, y, 10, true)
    y = sheet.paragraph(step, margin + 16, y, contentWidth - 16, 0, 10) - 6
  })
  y -= 10
  y = sheet.paragraph(say('singleUse'), margin, y, contentWidth, 0, 9) - 4
  sheet.paragraph(say('keepSafe'), margin, y, contentWidth, 0, 9)
  return doc.save()
}
