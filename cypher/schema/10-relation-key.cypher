// One relationship per relation between its ends: (:Actor)-[:RELATION {key}]->(:Actor), key subject|TYPE|object.
CREATE CONSTRAINT relation_key IF NOT EXISTS FOR ()-[r:RELATION]-() REQUIRE r.key IS UNIQUE
