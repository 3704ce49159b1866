/*
 * scrutineer_rank(): FTS5's bm25() ranking, without the pass over the whole
 * index that bm25() makes to weigh a query of one phrase.
 *
 * bm25() scores a row as the sum, over the query's phrases, of the phrase's
 * IDF times its frequency in the row (Okapi BM25, k1 = 1.2, b = 0.75), and
 * works out each IDF by counting every row the phrase matches, a second full
 * scan of the index (for a phrase of common words, as long as the search).
 * With one phrase every row's score is the same IDF times its own part, so
 * the order of the rows does not depend on it: here it is taken as 1 and the
 * count is skipped. With several phrases, their IDFs weigh them against each
 * other and are counted as bm25() counts them. The order of the results is
 * bm25()'s in both cases (tests/routes/search-rank.test.ts).
 *
 * Built by scripts/build-native.ts when the app is installed, and loaded by
 * src/db/client.ts into each connection; where it cannot be, search uses
 * bm25() itself.
 */
#include <math.h>
#include <string.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  double avgdl;
  double *aIDF;
  double *aFreq;
};

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)user)++;
  return SQLITE_OK;
}

/* What is worked out once per query: the phrases' weights and the average row length. */
static int rankData(const Fts5ExtensionApi *api, Fts5Context *fts, RankData **out) {
  int rc = SQLITE_OK;
  RankData *p = (RankData *)api->xGetAuxdata(fts, 0);
  if (p == 0) {
    sqlite3_int64 nRow = 0, nToken = 0;
    int nPhrase = api->xPhraseCount(fts);
    sqlite3_int64 nByte = sizeof(RankData) + nPhrase * 2 * sizeof(double);
    p = (RankData *)sqlite3_malloc64(nByte);
    if (p == 0) return SQLITE_NOMEM;
    memset(p, 0, (size_t)nByte);
    p->nPhrase = nPhrase;
    p->aIDF = (double *)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    rc = api->xRowCount(fts, &nRow);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
    if (rc == SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
      if (nPhrase == 1) {
        p->aIDF[i] = 1.0;
        continue;
      }
      sqlite3_int64 nHit = 0;
      rc = api->xQueryPhrase(fts, i, (void *)&nHit, countRow);
      if (rc == SQLITE_OK) {
        double idf = log((nRow - nHit + 0.5) / (nHit + 0.5));
        p->aIDF[i] = idf <= 0.0 ? 1e-6 : idf;
      }
    }
    if (rc != SQLITE_OK) {
      sqlite3_free(p);
      return rc;
    }
    rc = api->xSetAuxdata(fts, p, sqlite3_free);
    if (rc != SQLITE_OK) return rc;
  }
  *out = p;
  return SQLITE_OK;
}

/* scrutineer_rank(table, weight of column 0, weight of column 1, …): lower is better, as bm25(). */
static void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nVal,
                 sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  RankData *data = 0;
  int nTok = 0;
  int rc = rankData(api, fts, &data);
  /* Each phrase's instances in the row, column by column weighted, read straight from its positions: the
   * same instances as xInst() gives, without the sorted list of all phrases' instances xInst() builds. */
  for (int i = 0; rc == SQLITE_OK && i < data->nPhrase; i++) {
    Fts5PhraseIter iter;
    int ic = -1, io = 0;
    double f = 0.0;
    rc = api->xPhraseFirst(fts, i, &iter, &ic, &io);
    for (; rc == SQLITE_OK && ic >= 0; api->xPhraseNext(fts, &iter, &ic, &io))
      f += nVal > ic ? sqlite3_value_double(apVal[ic]) : 1.0;
    data->aFreq[i] = f;
  }
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0.0;
  for (int i = 0; i < data->nPhrase; i++) {
    double f = data->aFreq[i];
    score += data->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * (double)nTok / data->avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_scrutineerrank_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api *fts5 = 0;
  sqlite3_stmt *stmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, (void *)&fts5, "fts5_api_ptr", 0);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  if (fts5 == 0 || fts5->iVersion < 2) {
    *error = sqlite3_mprintf("this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  return fts5->xCreateFunction(fts5, "scrutineer_rank", 0, rank, 0);
}
