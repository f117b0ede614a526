import type { Migration } from '../../db/migrate.js';
import { initial } from './0001_initial.js';
import { organisationSettings } from './0002_organisation_settings.js';
import { entitiesAsJson } from './0003_entities_as_json.js';
import { knowledgeBase } from './0006_knowledge_base.js';
import { searchSynonyms } from './0008_search_synonyms.js';
import { polls } from './0009_polls.js';
import { readStates } from './0010_read_states.js';

/** In version order; append only. */
export const cacheMigrations: readonly Migration[] = [initial, organisationSettings, entitiesAsJson, knowledgeBase, searchSynonyms, polls, readStates];
