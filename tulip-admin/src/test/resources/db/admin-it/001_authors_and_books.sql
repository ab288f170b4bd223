-- the authors/books shape of the admin's browser flows
create type author_kind as enum ('poet', 'novelist');

create table authors (
    id            bigint generated always as identity primary key,
    name          text not null check (char_length(name) between 1 and 100),
    email         text constraint authors_email_key unique,
    active        boolean not null default true,
    kind          author_kind,
    born          date,
    address       jsonb,
    password_hash text
);
comment on column authors.name is 'As printed on the cover';

create table books (
    id        serial primary key,
    title     text not null,
    author_id bigint references authors (id) on delete cascade
);

insert into authors (name, email, active, kind, born, address, password_hash) values
    ('Ada', 'ada@example.com', true, 'poet', '1815-12-10', '{"city": "London"}', 'SECRET-HASH'),
    ('Linus', 'linus@example.com', false, 'novelist', null, '{"city": "Helsinki"}', 'SECRET-HASH');
insert into books (title, author_id) values ('Notes', 1), ('Kernel', 2);
