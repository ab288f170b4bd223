create table hits (name text not null);
insert into hits values ('001');
select pg_sleep(0.5);
