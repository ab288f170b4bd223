-- two statements in one file
create table second_table (id int references first_table (id));
insert into first_table values (1);
