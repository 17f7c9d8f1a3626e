// 5: what each sighting's body text is. A translation, a summary in another language or a page
// comment is kept in summary (with its language) and never feeds the canonical abstract;
// text_kind is NULL for sightings stored before this was known. arxiv_version: the vN named.
export default `
  ALTER TABLE sightings ADD COLUMN summary TEXT NOT NULL DEFAULT '';
  ALTER TABLE sightings ADD COLUMN summary_lang TEXT;
  ALTER TABLE sightings ADD COLUMN text_kind TEXT CHECK (text_kind IN ('abstract', 'summary', 'comment', 'none'));
  ALTER TABLE sightings ADD COLUMN arxiv_version INTEGER;
  `;
