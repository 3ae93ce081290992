#!/usr/bin/env bash
# Author a migration for both databases after editing prisma/schema.prisma:
#   bash prisma/new-migration.sh add_templates
# Diffs the schema as committed in HEAD against the working copy, writes
# prisma/migrations/<ts>_<name>/migration.sql (SQLite) and the PostgreSQL twin (starts a loopback
# PostgreSQL with tests/scripts/postgres.sh for the diff), and regenerates the PostgreSQL schema.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: prisma/new-migration.sh <name>}
ts=$(date -u +%Y%m%d%H%M%S)
dir="${ts}_${name}"
tmp=$(mktemp -d)
git show HEAD:prisma/schema.prisma > "$tmp/before.prisma"
npx tsx prisma/postgresql/derive.ts >/dev/null
npx tsx -e "import {derivePostgresSchema} from './prisma/postgresql/derive.ts'; import fs from 'node:fs';
fs.writeFileSync('$tmp/pg-before.prisma', derivePostgresSchema(fs.readFileSync('$tmp/before.prisma','utf8')).replace('../../node_modules/.prisma/client-postgresql','$tmp/client'));"
mkdir -p "prisma/migrations/$dir" "prisma/postgresql/migrations/$dir"
npx prisma migrate diff --from-schema-datamodel "$tmp/before.prisma" --to-schema-datamodel prisma/schema.prisma --script \
  2>/dev/null > "prisma/migrations/$dir/migration.sql"
url=$(bash tests/scripts/postgres.sh start | sed 's/^DATABASE_URL=//')
DATABASE_URL="$url" npx prisma migrate diff --config prisma/postgresql/prisma.config.ts \
  --from-schema-datamodel "$tmp/pg-before.prisma" --to-schema-datamodel prisma/postgresql/schema.prisma --script \
  2>/dev/null > "prisma/postgresql/migrations/$dir/migration.sql"
rm -rf "$tmp"
echo "wrote prisma/migrations/$dir and prisma/postgresql/migrations/$dir; now: npm run setup"
