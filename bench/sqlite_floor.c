/* `make bench`: the least SQLite itself takes to store the ingest's rows, for comparison with the budget.
 *
 * Reads input keys (one per line, in the order cutover ingests them) into memory, then times only the
 * inserts: one row per key with the columns of cutover's `input_keys`, 64 rows per INSERT OR IGNORE, a
 * transaction per 50,000 rows, with cutover's pragmas (16 KiB pages, WAL, synchronous NORMAL, 64 MiB cache)
 * and no checkpoint at all (cutover checkpoints on another thread). No parsing, no interning, no findings, no counters: a lower bound for any store that keeps a row per key.
 *
 *   sqlite_floor DB KEYS append   a table with no index (rows appended in arrival order)
 *   sqlite_floor DB KEYS keyed    a WITHOUT ROWID table keyed by the input key, like input_keys
 *
 * Prints the seconds the inserts took.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { ROWS_PER_INSERT = 64, ROWS_PER_TRANSACTION = 50000, COLUMNS = 11 };

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void must(sqlite3 *db, int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        fprintf(stderr, "sqlite_floor: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

static char *read_all(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    *size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc(*size + 1);
    if (fread(text, 1, *size, f) != *size) { perror(path); exit(1); }
    fclose(f);
    text[*size] = '\n';
    return text;
}

int main(int argc, char **argv) {
    if (argc != 4 || (strcmp(argv[3], "append") != 0 && strcmp(argv[3], "keyed") != 0)) {
        fprintf(stderr, "usage: sqlite_floor DB KEYS append|keyed\n");
        return 2;
    }
    int keyed = strcmp(argv[3], "keyed") == 0;

    size_t size;
    char *text = read_all(argv[2], &size);
    size_t count = 0, capacity = 1 << 20;
    const char **keys = malloc(capacity * sizeof *keys);
    int *lengths = malloc(capacity * sizeof *lengths);
    for (char *p = text, *end = text + size; p < end;) {
        char *newline = memchr(p, '\n', (size_t)(end - p) + 1);
        if (newline > p) {
            if (count == capacity) {
                capacity *= 2;
                keys = realloc(keys, capacity * sizeof *keys);
                lengths = realloc(lengths, capacity * sizeof *lengths);
            }
            keys[count] = p;
            lengths[count++] = (int)(newline - p);
        }
        p = newline + 1;
    }

    sqlite3 *db = NULL;
    int opened = sqlite3_open(argv[1], &db);
    must(db, opened, "open");
    must(db, sqlite3_exec(db, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                              "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 0", 0, 0, 0), "pragmas");
    const char *columns = "(key TEXT %s, seq INTEGER NOT NULL, job INTEGER NOT NULL, sort_at REAL NOT NULL,"
                          " outcome INTEGER NOT NULL, image_set INTEGER, is_primary INTEGER,"
                          " image_set_version INTEGER, detail INTEGER, file INTEGER NOT NULL,"
                          " line INTEGER NOT NULL) %s";
    char create[600];
    snprintf(create, sizeof create, "CREATE TABLE input_keys ");
    snprintf(create + strlen(create), sizeof create - strlen(create), columns,
             keyed ? "PRIMARY KEY" : "NOT NULL", keyed ? "WITHOUT ROWID" : "");
    must(db, sqlite3_exec(db, create, 0, 0, 0), "create");

    char insert[2000] = "INSERT OR IGNORE INTO input_keys VALUES ";
    for (int r = 0; r < ROWS_PER_INSERT; r++)
        strcat(insert, r == 0 ? "(?,?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *statement;
    must(db, sqlite3_prepare_v2(db, insert, -1, &statement, 0), "prepare");

    double start = seconds();
    must(db, sqlite3_exec(db, "BEGIN", 0, 0, 0), "begin");
    size_t row = 0;
    for (; row + ROWS_PER_INSERT <= count; row += ROWS_PER_INSERT) {
        for (int r = 0; r < ROWS_PER_INSERT; r++) {
            size_t i = row + (size_t)r;
            int c = r * COLUMNS;
            sqlite3_bind_text(statement, c + 1, keys[i], lengths[i], SQLITE_STATIC);
            sqlite3_bind_int64(statement, c + 2, (sqlite3_int64)i);          /* seq */
            sqlite3_bind_int64(statement, c + 3, (sqlite3_int64)(i / 5000)); /* job */
            sqlite3_bind_double(statement, c + 4, 1.7e9 + (double)(i / 5000));
            sqlite3_bind_int64(statement, c + 5, 0);                         /* outcome */
            sqlite3_bind_int64(statement, c + 6, (sqlite3_int64)(i / 3));    /* image set */
            sqlite3_bind_int64(statement, c + 7, 1);                         /* is_primary */
            sqlite3_bind_null(statement, c + 8);
            sqlite3_bind_null(statement, c + 9);
            sqlite3_bind_int64(statement, c + 10, (sqlite3_int64)(i / 5000)); /* file */
            sqlite3_bind_int64(statement, c + 11, (sqlite3_int64)(i % 5000)); /* line */
        }
        must(db, sqlite3_step(statement), "insert");
        sqlite3_reset(statement);
        if ((row / ROWS_PER_INSERT) % (ROWS_PER_TRANSACTION / ROWS_PER_INSERT) == 0)
            must(db, sqlite3_exec(db, "COMMIT; BEGIN", 0, 0, 0), "commit");
    }
    must(db, sqlite3_exec(db, "COMMIT", 0, 0, 0), "commit");
    double elapsed = seconds() - start;
    sqlite3_finalize(statement);
    sqlite3_close(db);
    printf("%.3f %zu\n", elapsed, row);
    return 0;
}
