import { Icon as Icon_caceca34d25130c4c02fdc551bd8c773 } from '../../../../src/admin/Brand'
import { Logo as Logo_caceca34d25130c4c02fdc551bd8c773 } from '../../../../src/admin/Brand'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/Brand#Icon": Icon_caceca34d25130c4c02fdc551bd8c773,
  "/src/admin/Brand#Logo": Logo_caceca34d25130c4c02fdc551bd8c773,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
