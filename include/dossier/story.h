/*
 * story.h: stories: stored articles grouped by what they report
 * (CONTRACT.md "Stories").
 */
#ifndef DOSSIER_STORY_H
#define DOSSIER_STORY_H

#include "base.h"
#include "store.h"

/*
 * Puts every stored article that is in no story yet into one, creating
 * stories as needed; existing stories keep their ids. Sets how many
 * articles were placed and how many stories were created.
 */
DSR_WARN_UNUSED dsr_err dsr_store_cluster(dsr_store *s, size_t *added, size_t *created);

/* Appends the stories (all when only < 0, else story `only`) as the JSON
 * array of CONTRACT.md "Stories", largest first. */
DSR_WARN_UNUSED dsr_err dsr_store_stories_json(dsr_store *s, long long only, dsr_buf *out);

#endif
