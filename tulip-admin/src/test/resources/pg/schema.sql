-- Every feature the catalog reads: composite keys and references, identity and generated
-- columns, a partial unique index, an enum, a domain with a CHECK, range/length/regex CHECKs,
-- comments, arrays, json.
create type mood as enum ('sad', 'ok', 'happy');
create domain percent as int not null check (value >= 0 and value <= 100);

create table team (
    id bigint generated always as identity primary key,
    name varchar(40) not null unique check (name <> ''),
    code text check (code ~ '^[A-Z]{3}$'),
    founded date
);
comment on table team is 'The teams people belong to';
comment on column team.name is 'What the team calls itself';

create table person (
    id serial primary key,
    team_id bigint references team (id),
    email text not null,
    nick varchar(20),
    age int check (age >= 0) check (age < 150),
    score numeric(6, 2) check (score between 0 and 1000),
    ratio float8,
    active boolean not null default true,
    mood mood,
    moods mood[],
    tags text[],
    numbers int[],
    data jsonb,
    raw json,
    photo bytea,
    token uuid,
    wake time,
    born timestamp,
    seen timestamptz,
    gap interval,
    happiness percent default 50,
    email_lower text generated always as (lower(email)) stored,
    bio text check (length(bio) <= 500 and char_length(bio) >= 2),
    odd int check (odd % 2 = 1 or odd is null)
);
create unique index person_email on person (email);
create unique index person_nick_active on person (nick) where active;
create index person_age on person (age);
comment on column person.happiness is 'From 0 to 100';

create table membership (
    team_id bigint not null references team (id),
    person_id int not null references person (id),
    role text not null default 'member',
    primary key (team_id, person_id)
);

create table badge (
    team_id bigint not null,
    person_id int not null,
    label text not null,
    primary key (team_id, person_id, label),
    constraint badge_membership foreign key (team_id, person_id) references membership (team_id, person_id)
);

create table keyless (code text not null, note text, unique (code));

create table loose (note text);

create view person_names as select id, email from person;

create table tulip_admin_sample (id int primary key);

create table event (id bigint not null, at date not null, primary key (id, at)) partition by range (at);
create table event_2024 partition of event for values from ('2024-01-01') to ('2025-01-01');

create table "Odd Table" ("Key Col" int primary key, "Quote""d" text check ("Quote""d" <> ''));
