-- seed 001's table (Sanic + asyncpg): users by id, one per email
create table users (
    id    serial primary key,
    name  text not null check (name <> ''),
    email text not null,
    constraint users_email_key unique (email)
);
