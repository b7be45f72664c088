// Reads nothing: what matters is the bookmark of its read-only transaction, which names the
// database's last committed transaction (server/store/read-cache.ts checks held answers
// against it).
RETURN true AS nothing
