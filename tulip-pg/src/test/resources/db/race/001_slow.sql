create table raced (id int);
select pg_sleep(0.3);
