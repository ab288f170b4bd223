-- 200 people on two teams: ages 0-6 with ties and a NULL every tenth, ratios with ties (unindexed).
insert into team (name, code) values ('Red', 'RED'), ('Blue', 'BLU');
insert into person (team_id, email, nick, age, ratio, active, mood)
select case when i % 3 = 0 then null else 1 + i % 2 end,
       'p' || i || '@example.com',
       'n' || i,
       case when i % 10 = 0 then null else i % 7 end,
       (i * 37 % 101)::float8,
       i % 2 = 0,
       (array['sad', 'ok', 'happy'])[1 + i % 3]::mood
from generate_series(1, 200) i;
insert into person (email, nick) values ('a%b@x.org', 'pct'), ('a_b@x.org', 'und'), ('axb@x.org', 'plain');
