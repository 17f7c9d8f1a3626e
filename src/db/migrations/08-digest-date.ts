// The digest date of a sighting's own part when one file holds several pasted digests, each
// with its date line (issue 12, form 7); NULL means its file's date applies. Kept so that first
// and last seen can be recomputed from the sightings left when some are forgotten.
export default `
  ALTER TABLE sightings ADD COLUMN digest_date TEXT;
  `;
