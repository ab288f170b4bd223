insert into hits values ('002');
