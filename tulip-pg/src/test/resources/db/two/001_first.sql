create table first_table (id int primary key);
