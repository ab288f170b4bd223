create table product (
    id         serial primary key,
    name       text not null check (name <> ''),
    price      numeric not null check (price >= 0),
    created_at timestamptz not null default now()
);
