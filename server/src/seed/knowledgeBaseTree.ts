import { careSection } from './knowledgeBaseCare.js';
import { facilitySection } from './knowledgeBaseFacility.js';
import { glossarySection } from './knowledgeBaseGlossary.js';
import { hrSection } from './knowledgeBaseHr.js';
import { ictSection } from './knowledgeBaseIct.js';
import { learningSection } from './knowledgeBaseLearning.js';
import { organisationSection } from './knowledgeBaseOrganisation.js';
import { planningSection } from './knowledgeBasePlanning.js';
import { qualitySection } from './knowledgeBaseQuality.js';
import type { KbOrganisation, KbSectionText } from './knowledgeBaseTexts.js';

/** The top of the demo knowledge base, in the order the tree shows it. */
export function knowledgeBaseTree(o: KbOrganisation): KbSectionText[] {
  return [hrSection(o), planningSection(o), learningSection(o), careSection(o), ictSection(o), facilitySection(o), qualitySection(o), organisationSection(o), glossarySection(o)];
}
