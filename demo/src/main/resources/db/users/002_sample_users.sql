insert into users (name, email) values ('Ada', 'ada@example.com'), ('Linus', 'linus@example.com')
on conflict (email) do nothing;
